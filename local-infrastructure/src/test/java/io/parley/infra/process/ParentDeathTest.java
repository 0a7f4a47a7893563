package io.parley.infra.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.infra.InfrastructureDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No server outlives the JVM that started it: not when that JVM is told to stop (its shutdown hook stops them),
 * and not when it is killed outright (the children notice their standard input closing and exit on their own).
 */
@Tag("integration")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ParentDeathTest {

    enum Death {
        /** SIGKILL, as {@code kill -9} or an IDE's stop button: no shutdown hook runs. */
        KILLED(Process::destroyForcibly),
        /** SIGTERM, as a CI timeout or {@code kill}: the shutdown hook runs. */
        TERMINATED(Process::destroy);

        private final Consumer<Process> action;

        Death(Consumer<Process> action) {
            this.action = action;
        }
    }

    @ParameterizedTest
    @EnumSource(Death.class)
    void childrenDieWithTheirParent(Death death) throws IOException {
        Path base = InfrastructureDirectory.defaultBaseDirectory().resolve("parent-death-" + death.name().toLowerCase());
        Path parentLog = Files.createDirectories(base).resolve("parent.log");
        Process parent = new ProcessBuilder(JavaInstallation.current().executable().toString(),
                "-cp", System.getProperty("java.class.path"),
                ServersUntilKilledMain.class.getName(), base.toString())
                .redirectErrorStream(true)
                .redirectOutput(parentLog.toFile())
                .start();
        try {
            List<ProcessHandle> children = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .failFast("the parent JVM exited", () -> !parent.isAlive())
                    .until(() -> childPids(parentLog), Optional::isPresent)
                    .orElseThrow();
            // Redis's shell wrapper, redis-server and the wrapper's stdin watcher; the S3Proxy JVM.
            assertThat(children).hasSize(4).allMatch(ProcessHandle::isAlive);

            death.action.accept(parent);

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> children.stream().allMatch(ProcessTree::hasExited));
        } finally {
            parent.destroyForcibly();
        }
    }

    private static Optional<List<ProcessHandle>> childPids(Path parentLog) throws IOException {
        return Files.readAllLines(parentLog).stream()
                .filter(line -> line.startsWith(ServersUntilKilledMain.PIDS_LINE_PREFIX))
                .findFirst()
                .map(line -> Arrays.stream(line.substring(ServersUntilKilledMain.PIDS_LINE_PREFIX.length()).trim()
                                .split(" "))
                        .map(Long::parseLong)
                        .map(pid -> ProcessHandle.of(pid).orElseThrow())
                        .toList());
    }
}
