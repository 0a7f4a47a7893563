package io.parley.infra;

import java.net.InetSocketAddress;
import java.net.URI;

/** Where the local servers listen, for printing and for configuring services. Holds no secrets. */
public record InfrastructureEndpoints(
        String kafkaBootstrapServers,
        InetSocketAddress cassandraContactPoint,
        String cassandraLocalDatacenter,
        String redisUri,
        URI s3Endpoint,
        String s3Region) {

    @Override
    public String toString() {
        return String.join(System.lineSeparator(),
                "kafka      bootstrap.servers=" + kafkaBootstrapServers,
                "cassandra  contact-point=" + cassandraContactPoint.getHostString() + ":"
                        + cassandraContactPoint.getPort() + " local-datacenter=" + cassandraLocalDatacenter,
                "redis      " + redisUri,
                "s3         endpoint=" + s3Endpoint + " region=" + s3Region + " (path-style)");
    }
}
