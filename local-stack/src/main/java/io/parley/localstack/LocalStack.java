package io.parley.localstack;

import io.parley.infra.LocalInfrastructure;
import io.parley.infra.ServerProfile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs Parley on this machine in the foreground: Kafka, Cassandra, Redis and S3Proxy on loopback,
 * then the seven services, each as its own JVM. Ctrl-C (or SIGTERM) stops the services, then the
 * infrastructure, and leaves no process behind.
 */
public final class LocalStack implements AutoCloseable {

    static final Duration START_DEADLINE = Duration.ofMinutes(4);

    private final LocalStackOptions options;
    private final Clock clock;
    private final List<ServiceProcess> services = new ArrayList<>();
    private LocalInfrastructure infrastructure;

    LocalStack(LocalStackOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        LocalStackOptions options = LocalStackOptions.parse(args);
        LocalStack stack = new LocalStack(options, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Parley ...");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("Parley failed to start: " + e.getMessage());
            System.exit(1);
        }
        stack.printSummary(System.out);
        stopped.await();
    }

    void start() throws Exception {
        Instant deadline = clock.instant().plus(START_DEADLINE);
        System.out.println("Starting Kafka, Cassandra, Redis and S3Proxy under " + options.dataDir() + " ...");
        infrastructure = LocalInfrastructure.start(options.dataDir().resolve("infrastructure"), options.profile());
        Path logs = options.dataDir().resolve("logs");
        LocalSecrets secrets = LocalSecrets.in(options.dataDir().resolve("secrets"), clock);
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            ServiceLaunch launch = ServiceLaunch.of(service, service.jar(options.repoRoot(), options.version()),
                    ServiceEnvironment.of(service, infrastructure, secrets), logs);
            services.add(ServiceProcess.start(options.profile() == ServerProfile.THROUGHPUT
                    ? launch.withJvmOptions(ServiceLaunch.THROUGHPUT_JVM_OPTIONS) : launch));
        }
        System.out.println("Starting the seven services (logs in " + logs + ") ...");
        for (ServiceProcess service : services) {
            service.awaitHealthy(clock, deadline);
            System.out.println("  " + service.service().name() + " is UP");
        }
    }

    void printSummary(PrintStream out) {
        out.println();
        out.println("Parley is up. Clients connect to:");
        out.println("  WebSocket  ws://127.0.0.1:8080/v1/ws          (gateway-service)");
        out.println("  REST       http://127.0.0.1:8081/v1           (user-service: accounts, login, devices, keys)");
        out.println("  REST       http://127.0.0.1:8082/v1/chats     (chat-service: chat list, history)");
        out.println();
        out.printf("  %-18s %-6s %-6s %s%n", "service", "http", "grpc", "health");
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            out.printf("  %-18s %-6d %-6d %s%n", service.name(), service.httpPort(), service.grpcPort(), service.healthUrl());
        }
        out.println();
        out.println("Infrastructure:");
        infrastructure.describe().toString().lines().forEach(line -> out.println("  " + line));
        out.println();
        out.println("Press Ctrl-C to stop everything.");
        out.flush();
    }

    @Override
    public synchronized void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop(Duration.ofSeconds(30));
        }
        services.clear();
        if (infrastructure != null) {
            infrastructure.close();
            infrastructure = null;
        }
    }
}
