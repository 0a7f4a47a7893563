package io.parley.localstack;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/** One of the seven services as the local stack runs it: its jar, its ports, what infrastructure it needs. */
record ServiceDefinition(String name, int httpPort, int grpcPort, Set<Needs> needs) {

    enum Needs { KAFKA, CASSANDRA, REDIS, S3 }

    static final java.util.List<ServiceDefinition> ALL = java.util.List.of(
            new ServiceDefinition("gateway-service", 8080, 9080, EnumSet.of(Needs.REDIS)),
            new ServiceDefinition("user-service", 8081, 9081, EnumSet.of(Needs.CASSANDRA, Needs.REDIS, Needs.KAFKA)),
            new ServiceDefinition("chat-service", 8082, 9082, EnumSet.of(Needs.CASSANDRA, Needs.REDIS, Needs.KAFKA)),
            new ServiceDefinition("presence-service", 8083, 9083, EnumSet.of(Needs.REDIS)),
            new ServiceDefinition("group-service", 8084, 9084, EnumSet.of(Needs.CASSANDRA, Needs.REDIS, Needs.KAFKA)),
            new ServiceDefinition("media-service", 8085, 9085, EnumSet.of(Needs.CASSANDRA, Needs.S3)),
            new ServiceDefinition("push-service", 8086, 9086, EnumSet.of(Needs.CASSANDRA, Needs.KAFKA)));

    Path jar(Path repoRoot, String version) {
        return repoRoot.resolve(name).resolve("target").resolve(name + "-" + version + ".jar");
    }

    String healthUrl() {
        return "http://127.0.0.1:" + httpPort + "/actuator/health";
    }
}
