package io.parley.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Configuration;

class BadSettingFailureAnalyzerTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ServicePorts.class, KafkaConnection.class, RedisConnection.class})
    static class SettingsOnly {
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                // negative port
                Arguments.of("--parley.ports.http=-1", "Invalid setting parley.ports.http=-1: must be a TCP port between 1 and 65535"),
                // port above the TCP range
                Arguments.of("--parley.ports.grpc=70000", "Invalid setting parley.ports.grpc=70000: must be a TCP port"),
                // not a number at all
                Arguments.of("--parley.ports.http=eighty", "Invalid setting parley.ports.http=eighty: "),
                // empty Kafka bootstrap list
                Arguments.of("--parley.kafka.bootstrap-servers=", "Invalid setting parley.kafka.bootstrap-servers=[]: must list at least one host:port"),
                // bootstrap entry without a port
                Arguments.of("--parley.kafka.bootstrap-servers=localhost", "Invalid setting parley.kafka.bootstrap-servers[0]=localhost: must be host:port"),
                // wrong URL scheme
                Arguments.of("--parley.redis.url=http://x", "Invalid setting parley.redis.url=http://x: must be a redis:// or rediss:// URL"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void aBadSettingIsNamedOnOneLine(String argument, String expectedStart) {
        String[] args = validSettingsWith(argument);
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(SettingsOnly.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(args).close());

        FailureAnalysis analysis = new BadSettingFailureAnalyzer().analyze(failure);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith(expectedStart).doesNotContain("\n");
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void theReporterPrintsExactlyOneLine(String argument, String expectedStart) {
        var buffer = new java.io.ByteArrayOutputStream();
        var reporter = new OneLineFailureReporter(new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(SettingsOnly.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(validSettingsWith(argument)).close());

        reporter.report(new BadSettingFailureAnalyzer().analyze(failure));

        assertThat(buffer.toString(java.nio.charset.StandardCharsets.UTF_8).lines())
                .singleElement().asString().contains(expectedStart);
    }

    private static String[] validSettingsWith(String override) {
        Stream<String> valid = Stream.of("--parley.ports.http=8080", "--parley.ports.grpc=9090",
                "--parley.kafka.bootstrap-servers=127.0.0.1:9092", "--parley.redis.url=redis://127.0.0.1:6379");
        String name = override.substring(0, override.indexOf('='));
        return Stream.concat(valid.filter(arg -> !arg.startsWith(name + "=")), Stream.of(override)).toArray(String[]::new);
    }
}
