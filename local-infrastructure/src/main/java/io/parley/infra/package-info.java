/**
 * Real infrastructure on 127.0.0.1, without Docker: Kafka (KRaft), Cassandra 5.0, Redis and S3 (S3Proxy), each
 * a child process of this JVM on free ports, in its own folder under one base directory.
 *
 * <p>{@link io.parley.infra.LocalInfrastructure} starts all four; each server class ({@code KafkaServer},
 * {@code CassandraServer}, {@code RedisServer}, {@code S3Server}) can also be used alone. Java servers run on the
 * exact classpath that Maven resolved for them in {@code local-infrastructure-servers}, isolated from the caller's.
 *
 * <p>Guarantees: a start returns once the server answers its own protocol; a start in a folder where an earlier
 * run left a server replaces that server; no server outlives this JVM, whether it exits, is interrupted or is
 * killed with SIGKILL. One JVM at a time per base directory: a second JVM would replace the first one's servers.
 */
package io.parley.infra;
