package io.parley.testkit;

import io.parley.infra.InfrastructureDirectory;
import io.parley.infra.LocalServer;
import io.parley.infra.cassandra.CassandraServer;
import io.parley.infra.kafka.KafkaServer;
import io.parley.infra.redis.RedisServer;
import io.parley.infra.s3.S3Server;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * One server of each kind per test JVM, started on first use and stopped when the JVM exits (by
 * local-infrastructure's shutdown hook; if the JVM is killed, by the servers' own watchdogs).
 *
 * <p>Not stopped when the JUnit run ends: Spring's test-context cache closes its application contexts in a JVM
 * shutdown hook too, and consumers or sessions still connected would otherwise spend their close timeouts
 * looking for a server that is already gone.
 */
final class SharedServers {

    private static final Shared<KafkaServer> KAFKA = new Shared<>("kafka", KafkaServer::new);
    private static final Shared<CassandraServer> CASSANDRA = new Shared<>("cassandra", CassandraServer::new);
    private static final Shared<RedisServer> REDIS = new Shared<>("redis", RedisServer::new);
    private static final Shared<S3Server> S3 = new Shared<>("s3", S3Server::new);

    private SharedServers() {
    }

    static KafkaServer kafka() {
        return KAFKA.running();
    }

    static CassandraServer cassandra() {
        return CASSANDRA.running();
    }

    static RedisServer redis() {
        return REDIS.running();
    }

    static S3Server s3() {
        return S3.running();
    }

    /** A lazily created server in its folder under {@link InfrastructureDirectory#defaultBaseDirectory()}. */
    private static final class Shared<S extends LocalServer> {

        private final String folder;
        private final Function<Path, S> factory;
        private S server;

        Shared(String folder, Function<Path, S> factory) {
            this.folder = folder;
            this.factory = factory;
        }

        /** The server, started if it is not running (a test may have stopped it on purpose). */
        synchronized S running() {
            if (server == null) {
                server = factory.apply(InfrastructureDirectory.defaultBaseDirectory().resolve(folder));
            }
            server.start();
            return server;
        }
    }
}
