package io.parley.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A service running as a child JVM, its output in a log file, stopped gracefully (SIGTERM) then forcibly. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceDefinition service;
    private final Process process;
    private final Path log;

    private ServiceProcess(ServiceDefinition service, Process process, Path log) {
        this.service = service;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(ServiceDefinition service, Path jar, Path watchdogClasspath, Path logDir,
            Map<String, String> environment, List<String> jvmOptions) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(service.name() + " jar not found at " + jar
                    + "; build first: ./mvnw -DskipTests install");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(service.name() + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(jar + java.io.File.pathSeparator + watchdogClasspath);
        // The watchdog exits the service when our stdin closes, i.e. when this launcher dies, even by kill -9.
        command.add(ParentWatchdog.MAIN_CLASS);
        command.add("org.springframework.boot.loader.launch.JarLauncher");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new ServiceProcess(service, builder.start(), log);
    }

    ServiceDefinition service() {
        return service;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until /actuator/health answers UP; fails fast if the process exits first. */
    void awaitHealthy(Instant deadline) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.healthUrl())).timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited with code " + process.exitValue()
                        + " before it became healthy; see " + log);
            }
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // Still starting: poll again.
            }
            process.waitFor(500, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException(service.name() + " was not healthy by the deadline; see " + log);
    }

    void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
