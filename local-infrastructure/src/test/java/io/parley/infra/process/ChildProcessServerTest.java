package io.parley.infra.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.infra.ServerStartException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a caller sees when a server does not come up: a message with the cause and the end of its log. */
@Tag("integration")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChildProcessServerTest {

    @TempDir
    Path folder;

    @Test
    void serverDyingDuringStartUpFailsAtOnceQuotingItsLog() {
        ScriptServer server = new ScriptServer(folder, "echo starting; echo 'fatal: address in use' >&2; exit 3");

        assertThatThrownBy(server::start)
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("script exited with status 3 before it answers")
                .hasMessageContaining("starting")
                .hasMessageContaining("fatal: address in use");
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void serverNeverReadyIsStoppedAfterTheTimeout() {
        ScriptServer server = new ScriptServer(folder, "echo waiting forever; sleep 60");

        assertThatThrownBy(server::start)
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("was not ready within 1 s")
                .hasMessageContaining("waiting forever");
        assertThat(ProcessHandle.of(server.launchedPid.get())).isEmpty();
        assertThat(folder.resolve("server.pid")).doesNotExist();
    }

    /** Runs a shell script that never answers the (always negative) readiness probe. */
    private static final class ScriptServer extends ChildProcessServer {

        private final String script;
        private final AtomicLong launchedPid = new AtomicLong();

        ScriptServer(Path folder, String script) {
            super("script", folder);
            this.script = script;
        }

        @Override
        protected ChildProcess launch(ServerDirectory directory) {
            ChildProcess process = ChildProcess.start(ChildProcessSpec.server(name(),
                    List.of("/bin/sh", "-c", script, "script", directory.marker()), directory, Duration.ofSeconds(2)));
            launchedPid.set(process.pid());
            return process;
        }

        @Override
        protected void awaitReady(ChildProcess process) {
            Readiness.await(process, "it answers", Duration.ofSeconds(1), () -> false);
        }

        @Override
        protected String describeEndpoint() {
            return "nowhere";
        }
    }
}
