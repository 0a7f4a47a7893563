package io.parley.infra.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildProcessSpecTest {

    private final ServerDirectory directory = new ServerDirectory(Path.of("/tmp/infra/redis"));

    @Test
    void commandWithoutTheFolderMarkerIsRejected() {
        // Without the marker a later run could not tell this process from an unrelated one with a recycled pid.
        assertThatThrownBy(() -> ChildProcessSpec.server("redis", List.of("redis-server"), directory,
                Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dparley.infra.server=/tmp/infra/redis");
    }

    @Test
    void javaCommandStartsWithTheMarkerAndRunsTheWatchdog() {
        JavaCommand command = new JavaCommand(JavaInstallation.current(), List.of("-Xmx64m"),
                new ServerClasspath("kafka", List.of(Path.of("/m2/kafka.jar"))), "kafka.Kafka",
                List.of("server.properties"));

        List<String> line = command.commandLine(directory);

        assertThat(line.get(1)).isEqualTo(directory.marker());
        assertThat(line).containsSubsequence("-Xmx64m", "-cp",
                "io.parley.infra.process.watchdog.ParentWatchdogMain", "kafka.Kafka", "server.properties");
        assertThat(line.get(line.indexOf("-cp") + 1)).endsWith("/m2/kafka.jar");
        assertThat(ChildProcessSpec.server("kafka", line, directory, Duration.ofSeconds(1)).recordsPid()).isTrue();
    }
}
