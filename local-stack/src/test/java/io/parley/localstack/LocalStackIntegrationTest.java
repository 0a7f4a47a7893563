package io.parley.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command: the packaged launcher brings infrastructure and all seven services up,
 * every service reports UP, and a SIGTERM (what Ctrl-C amounts to) leaves no process behind.
 */
@Tag("integration")
class LocalStackIntegrationTest {

    @TempDir
    Path dataDir;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void startsEverythingHealthyAndStopsWithoutLeavingAProcess() throws Exception {
        Process launcher = new ProcessBuilder(javaExecutable(), "-jar", System.getProperty("parley.localstack.jar"),
                "--repo-root=" + System.getProperty("parley.repo.root"), "--data-dir=" + dataDir, "--profile=quick-start")
                .redirectErrorStream(true).start();
        CompletableFuture<Void> up = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> readOutput(launcher, output, up), "launcher-output");
        reader.setDaemon(true);
        reader.start();
        try {
            up.get(LocalStack.START_DEADLINE.toSeconds() + 30, TimeUnit.SECONDS);

            HttpClient http = HttpClient.newHttpClient();
            for (ServiceDefinition service : ServiceDefinition.ALL) {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(service.healthUrl())).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).as(service.name()).isEqualTo(200);
                assertThat(health.body()).as(service.name()).contains("\"status\":\"UP\"");
            }
            assertThat(output).contains("ws://127.0.0.1:8080").contains("kafka").contains("cassandra");
            List<ProcessHandle> children = launcher.descendants().toList();
            assertThat(children).hasSizeGreaterThanOrEqualTo(ServiceDefinition.ALL.size() + 4);

            launcher.destroy();
            assertThat(launcher.waitFor(2, TimeUnit.MINUTES)).as("launcher stopped").isTrue();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(children).noneMatch(ProcessHandle::isAlive));
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
            reader.join(5_000);
            Files.writeString(dataDir.resolve("launcher-output.txt"), output);
        }
    }

    private static void readOutput(Process launcher, StringBuilder output, CompletableFuture<Void> up) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
                System.out.println("[local-stack] " + line);
                if (line.startsWith("Press Ctrl-C")) {
                    up.complete(null);
                }
            }
            up.completeExceptionally(new IllegalStateException("launcher exited before it was up:\n" + output));
        } catch (IOException e) {
            up.completeExceptionally(e);
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
