package io.parley.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.infra.InfrastructureDirectory;
import io.parley.infra.redis.RedisServer;
import io.parley.infra.s3.S3Server;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A start in a folder where an earlier run left a server replaces that server, and only ours. */
@Tag("integration")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StaleServerReplacementTest {

    private static final Path BASE = InfrastructureDirectory.defaultBaseDirectory().resolve("stale-replacement");

    @Test
    void secondRedisInTheSameFolderReplacesTheFirst() {
        Path folder = BASE.resolve("redis");
        RedisServer first = new RedisServer(folder);
        first.start();
        long firstPid = first.pid().orElseThrow();

        RedisServer second = new RedisServer(folder);
        try {
            second.start();

            assertThat(ProcessHandle.of(firstPid).filter(process -> !ProcessTree.hasExited(process))).isEmpty();
            assertThat(first.isRunning()).isFalse();
            assertThat(second.port()).isEqualTo(first.port());
            second.flushAll();
        } finally {
            second.stop();
            first.stop();
        }
    }

    @Test
    void secondS3ServerInTheSameFolderReplacesTheFirstJvm() throws Exception {
        Path folder = BASE.resolve("s3");
        S3Server first = new S3Server(folder);
        first.start();
        long firstPid = first.pid().orElseThrow();

        S3Server second = new S3Server(folder);
        try {
            second.start();

            assertThat(ProcessHandle.of(firstPid).filter(process -> !ProcessTree.hasExited(process))).isEmpty();
            assertThat(anonymousRequestStatus(second.endpoint())).isEqualTo(403);
            first.stop();
            assertThat(second.isRunning()).as("stopping the replaced server leaves the new one alone").isTrue();
            assertThat(folder.resolve("server.pid")).content().contains(Long.toString(second.pid().orElseThrow()));
        } finally {
            second.stop();
        }
    }

    @Test
    void unrelatedProcessWhosePidWasRecordedIsLeftAlone() throws IOException {
        Path folder = Files.createDirectories(BASE.resolve("recycled-pid"));
        Process unrelated = new ProcessBuilder("sleep", "60").start();
        RedisServer server = new RedisServer(folder);
        try {
            // As if the pid of a server from an earlier run had been recycled by another program.
            Files.writeString(folder.resolve("server.pid"), Long.toString(unrelated.pid()));

            server.start();

            assertThat(unrelated.isAlive()).isTrue();
        } finally {
            server.stop();
            unrelated.destroyForcibly();
        }
    }

    private static int anonymousRequestStatus(URI endpoint) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(endpoint).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
