package io.parley.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.certificates.ServiceCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A packaged service started with a bad setting exits non-zero with one line naming the setting. */
@Tag("integration")
class InvalidSettingIntegrationTest {

    /** A marker in a case's environment: start the service without its certificate settings. */
    private static final String WITHOUT_IDENTITY = "PARLEY_TEST_WITHOUT_IDENTITY";

    @TempDir
    Path certificates;

    static Stream<Arguments> badSettings() {
        return Stream.of(
                // a negative HTTP port
                Arguments.of("presence-service", Map.of("PARLEY_PORTS_HTTP", "-1"),
                        "Parley failed to start: Invalid setting parley.ports.http=-1"),
                // an empty Kafka bootstrap list, on a service that would otherwise connect to Cassandra first
                Arguments.of("chat-service", Map.of("PARLEY_KAFKA_BOOTSTRAP_SERVERS", ""),
                        "Parley failed to start: Invalid setting parley.kafka.bootstrap-servers"),
                // a Cassandra keyspace that is not a CQL identifier
                Arguments.of("user-service", Map.of("PARLEY_CASSANDRA_KEYSPACE", "Bad-Name"),
                        "Parley failed to start: Invalid setting parley.cassandra.keyspace=Bad-Name"),
                // a required secret that has no default, named before the service tries to reach Cassandra
                Arguments.of("user-service", Map.of(),
                        "Parley failed to start: Invalid setting parley.user.signing-keys.encryption-key"),
                // no certificate for the mutual TLS between services
                Arguments.of("push-service", Map.of(WITHOUT_IDENTITY, "yes"),
                        "Parley failed to start: Invalid setting parley.service-identity.certificate"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void exitsNonZeroNamingTheSetting(String serviceName, Map<String, String> environment, String expectedLine)
            throws IOException, InterruptedException {
        ServiceDefinition service = ServiceDefinition.ALL.stream().filter(s -> s.name().equals(serviceName))
                .findFirst().orElseThrow();
        Path jar = service.jar(Path.of(System.getProperty("parley.repo.root")), System.getProperty("parley.project.version"));
        ProcessBuilder builder = new ProcessBuilder(LocalStackIntegrationTest.javaExecutable(), "-jar", jar.toString());
        if (!environment.containsKey(WITHOUT_IDENTITY)) {
            ServiceCertificates.builder().validity(Duration.ofDays(1)).issue(certificates, List.of(serviceName)).of(serviceName).settings()
                    .forEach((name, value) -> builder.environment()
                            .put(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value));
        }
        builder.environment().putAll(environment);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(stderr.lines().filter(line -> line.startsWith("Parley failed to start:")))
                .singleElement().asString().startsWith(expectedLine);
    }
}
