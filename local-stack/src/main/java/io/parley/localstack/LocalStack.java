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
    private final List<ServiceInstance> instances;
    private final List<ServiceProcess> services = new ArrayList<>();
    private LocalInfrastructure infrastructure;

    LocalStack(LocalStackOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
        this.instances = ServiceInstance.of(ServiceDefinition.ALL.stream()
                .map(service -> service.withPorts(service.httpPort() + options.portOffset(), service.grpcPort() + options.portOffset()))
                .toList(), options.gateways(), options.chatServices());
    }

    public static void main(String[] args) throws Exception {
        LocalStackOptions options;
        try {
            options = LocalStackOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(LocalStackOptions.USAGE);
            return;
        }
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
        infrastructure = LocalInfrastructure.start(options.dataDir().resolve("infrastructure"), serverProfile());
        Path logs = options.dataDir().resolve("logs");
        LocalSecrets secrets = LocalSecrets.in(options.dataDir().resolve("secrets"), clock);
        ServiceAddresses addresses = ServiceAddresses.of(instances.stream().map(ServiceInstance::service).toList());
        for (ServiceInstance instance : instances) {
            ServiceDefinition service = instance.service();
            ServiceLaunch launch = ServiceLaunch.of(service, service.jar(options.repoRoot(), version()),
                            ServiceEnvironment.of(service, infrastructure, secrets), logs)
                    .withInstanceName(instance.name())
                    .withEnvironment(addresses.environmentFor(service.name()))
                    .withJvmOptions(jvmOptions());
            services.add(ServiceProcess.start(options.listenOnAllInterfaces()
                    ? launch.withEnvironment(ServiceEnvironment.listeningOn("0.0.0.0")) : launch));
        }
        System.out.println("Starting the seven services" + (instances.size() > ServiceDefinition.ALL.size()
                ? " (" + instances.size() + " instances)" : "") + " (logs in " + logs + ") ...");
        for (int i = 0; i < services.size(); i++) {
            services.get(i).awaitHealthy(clock, deadline);
            System.out.println("  " + instances.get(i).name() + " is UP");
        }
    }

    private ServerProfile serverProfile() {
        return options.profile() == LocalStackOptions.Profile.THROUGHPUT ? ServerProfile.THROUGHPUT : ServerProfile.QUICK_START;
    }

    /** The profile's flags, then the user's: for HotSpot the last of two contradicting flags wins. */
    private List<String> jvmOptions() {
        List<String> jvmOptions = new ArrayList<>(options.profile() == LocalStackOptions.Profile.THROUGHPUT
                ? ServiceLaunch.THROUGHPUT_JVM_OPTIONS : ServiceLaunch.DEFAULT_JVM_OPTIONS);
        jvmOptions.addAll(options.jvmOptions());
        return jvmOptions;
    }

    private static String version() {
        String version = LocalStack.class.getPackage().getImplementationVersion();
        return version != null ? version : "0.1.0-SNAPSHOT";
    }

    private int httpPort(String service) {
        return instancesOf(service).get(0).service().httpPort();
    }

    private List<ServiceInstance> instancesOf(String service) {
        return instances.stream().filter(instance -> instance.service().name().equals(service)).toList();
    }

    void printSummary(PrintStream out) {
        out.println();
        out.println("Parley is up. Clients connect to:");
        for (ServiceInstance gateway : instancesOf("gateway-service")) {
            out.printf("  WebSocket  %-36s (%s)%n", "ws://127.0.0.1:" + gateway.service().httpPort() + "/v1/ws", gateway.name());
        }
        out.printf("  REST       %-36s (user-service: accounts, login, devices, keys)%n",
                "http://127.0.0.1:" + httpPort("user-service") + "/v1");
        out.printf("  REST       %-36s (chat-service: chat list, history)%n",
                "http://127.0.0.1:" + httpPort("chat-service") + "/v1/chats");
        out.println();
        out.println(options.listenOnAllInterfaces()
                ? "Services listen on every interface (--listen=all)." : "Services listen on 127.0.0.1 only (--listen=all to change).");
        out.printf("  %-18s %-6s %-6s %s%n", "service", "http", "grpc", "health");
        for (ServiceInstance instance : instances) {
            ServiceDefinition service = instance.service();
            out.printf("  %-18s %-6d %-6d %s%n", instance.name(), service.httpPort(), service.grpcPort(), service.healthUrl());
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
