package io.parley.localstack;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One of the seven services as the local stack runs it: its jar, its ports, what infrastructure it needs.
 * Tests that run several instances of a service give each its own ports with {@link #withPorts}.
 */
public record ServiceDefinition(String name, int httpPort, int grpcPort, Set<Needs> needs) {

    public enum Needs {
        KAFKA, CASSANDRA, REDIS, S3,
        /** The key user-service encrypts its token-signing keys with at rest. */
        SIGNING_KEYS_ENCRYPTION_KEY
    }

    public static final List<ServiceDefinition> ALL = List.of(
            new ServiceDefinition("gateway-service", 8080, 9080, EnumSet.of(Needs.REDIS, Needs.KAFKA)),
            new ServiceDefinition("user-service", 8081, 9081,
                    EnumSet.of(Needs.CASSANDRA, Needs.REDIS, Needs.KAFKA, Needs.SIGNING_KEYS_ENCRYPTION_KEY)),
            new ServiceDefinition("chat-service", 8082, 9082, EnumSet.of(Needs.CASSANDRA, Needs.REDIS, Needs.KAFKA)),
            new ServiceDefinition("presence-service", 8083, 9083, EnumSet.of(Needs.CASSANDRA, Needs.REDIS)),
            new ServiceDefinition("group-service", 8084, 9084, EnumSet.of(Needs.CASSANDRA, Needs.REDIS, Needs.KAFKA)),
            new ServiceDefinition("media-service", 8085, 9085, EnumSet.of(Needs.CASSANDRA, Needs.S3)),
            new ServiceDefinition("push-service", 8086, 9086, EnumSet.of(Needs.CASSANDRA, Needs.KAFKA)));

    public ServiceDefinition {
        needs = needs.isEmpty() ? EnumSet.noneOf(Needs.class) : EnumSet.copyOf(needs);
    }

    /** The service of that name; fails for an unknown one. */
    public static ServiceDefinition named(String name) {
        return ALL.stream().filter(service -> service.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service named " + name));
    }

    /** The same service on other ports, e.g. a second instance on one machine. */
    public ServiceDefinition withPorts(int http, int grpc) {
        return new ServiceDefinition(name, http, grpc, needs);
    }

    /** The executable jar the build packages: {@code <repo>/<name>/target/<name>-<version>.jar}. */
    public Path jar(Path repoRoot, String version) {
        return repoRoot.resolve(name).resolve("target").resolve(name + "-" + version + ".jar");
    }

    public String healthUrl() {
        return "http://127.0.0.1:" + httpPort + "/actuator/health";
    }
}
