package io.parley.localstack;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A service running as a child JVM, its output appended to a log file. It dies with the JVM that started it
 * (the parent watchdog halts it when its standard input closes), is stopped gracefully (SIGTERM, then SIGKILL
 * after a grace period), or is killed at once, as a crash.
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceLaunch launch;
    private final Process process;

    private ServiceProcess(ServiceLaunch launch, Process process) {
        this.launch = launch;
        this.process = process;
    }

    /** Starts the service; it is not ready before {@link #awaitHealthy} returns. */
    public static ServiceProcess start(ServiceLaunch launch) throws IOException {
        if (!Files.isRegularFile(launch.jar())) {
            throw new IllegalStateException(launch.service().name() + " jar not found at " + launch.jar()
                    + "; build first: ./mvnw -DskipTests install");
        }
        Files.createDirectories(launch.logDirectory());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch.jvmOptions());
        command.add("-cp");
        command.add(launch.jar() + File.pathSeparator + ParentWatchdog.classpath());
        // The watchdog exits the service when our stdin closes, i.e. when this launcher dies, even by kill -9.
        command.add(ParentWatchdog.MAIN_CLASS);
        command.add("org.springframework.boot.loader.launch.JarLauncher");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.log().toFile()));
        builder.environment().putAll(launch.environment());
        return new ServiceProcess(launch, builder.start());
    }

    /** Starts the same service again with the same settings (after a {@link #kill} or {@link #stop}). */
    public ServiceProcess restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(launch.instanceName() + " is still running");
        }
        return start(launch);
    }

    public ServiceDefinition service() {
        return launch.service();
    }

    public ServiceLaunch launch() {
        return launch;
    }

    public Path log() {
        return launch.log();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until /actuator/health answers UP; fails fast if the process exits first. */
    public void awaitHealthy(Clock clock, Instant deadline) throws InterruptedException {
        ServiceDefinition service = launch.service();
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.healthUrl())).timeout(Duration.ofSeconds(2)).build();
        while (clock.instant().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(launch.instanceName() + " exited with code " + process.exitValue()
                        + " before it became healthy; see " + log());
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
        throw new IllegalStateException(launch.instanceName() + " was not healthy by the deadline; see " + log());
    }

    /**
     * A graceful stop: SIGTERM, and SIGKILL if it has not exited after {@code grace}. Through the process handle:
     * {@code Process.destroy()} also closes the child's standard input, which its parent watchdog takes for a dead
     * parent and halts the JVM at once, cutting the graceful shutdown (the gateway's drain) short.
     */
    public void stop(Duration grace) {
        process.toHandle().destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A crash: SIGKILL, no shutdown hooks, no draining; returns once the process is gone. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return launch.instanceName() + " (pid " + pid() + ")";
    }
}
