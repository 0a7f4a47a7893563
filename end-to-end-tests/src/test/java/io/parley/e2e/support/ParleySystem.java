package io.parley.e2e.support;

import io.parley.infra.InfrastructureDirectory;
import io.parley.infra.LocalInfrastructure;
import io.parley.infra.process.FreePorts;
import io.parley.localstack.LocalSecrets;
import io.parley.localstack.ServiceDefinition;
import io.parley.localstack.ServiceEnvironment;
import io.parley.localstack.ServiceLaunch;
import io.parley.localstack.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The system under test, started once per test JVM and shared by every test: real Kafka, Cassandra and Redis, then
 * user-service, presence-service, group-service and two instances each of chat-service and gateway-service as child
 * JVMs from their packaged jars, each on ports of its own. Callers of chat-service balance over both instances
 * ({@code addresses:///}, round_robin), and the two share the topics' partitions, as pods do in Kubernetes;
 * push-service too, on first use by a push test ({@link #pushService}). Everything stops when the JVM exits (the
 * children's watchdogs see their parent go).
 */
public final class ParleySystem {

    /** Eight JVMs start at once on a two-core machine. */
    private static final Duration START_DEADLINE = Duration.ofMinutes(6);
    /** The chart's terminationGracePeriodSeconds for a gateway (docs/deployment.md). */
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(60);
    /** presence-service's grace in this system (the default is 10 s). */
    public static final Duration PRESENCE_GRACE = Duration.ofSeconds(3);
    /** How long presence-service waits for a gateway's report before declaring it dead (the default is 10 s). */
    public static final Duration GATEWAY_LIVENESS_TTL = Duration.ofSeconds(4);
    private static ParleySystem running;

    private final LocalInfrastructure infrastructure;
    private final Path repoRoot = Path.of(System.getProperty("parley.repo.root", "..")).toAbsolutePath().normalize();
    private final String version = System.getProperty("parley.project.version", "0.1.0-SNAPSHOT");
    private final Path logs;
    /** Beside the servers' data: the signing keys stored in Cassandra need the key they were encrypted with. */
    private final LocalSecrets secrets = LocalSecrets.in(InfrastructureDirectory.defaultBaseDirectory().resolve("secrets"),
            Clock.systemUTC());
    private final ServiceDefinition userService = onFreePorts("user-service");
    private final List<ServiceDefinition> chatPorts = List.of(onFreePorts("chat-service"), onFreePorts("chat-service"));
    private final ServiceDefinition presenceService = onFreePorts("presence-service");
    private final ServiceDefinition groupService = onFreePorts("group-service");
    private final ServiceDefinition pushService = onFreePorts("push-service");
    private final List<ServiceDefinition> gatewayPorts = List.of(onFreePorts("gateway-service"), onFreePorts("gateway-service"));
    private ServiceProcess users;
    private final List<ServiceProcess> chats = new ArrayList<>();
    private ServiceProcess presence;
    private ServiceProcess groups;
    private ServiceProcess push;
    private final List<ServiceProcess> gateways = new ArrayList<>();

    private ParleySystem(LocalInfrastructure infrastructure, Path logs) {
        this.infrastructure = infrastructure;
        this.logs = logs;
    }

    /** The running system, started on first use. */
    public static synchronized ParleySystem get() {
        if (running == null) {
            LocalInfrastructure infrastructure = LocalInfrastructure.start();
            ParleySystem system = new ParleySystem(infrastructure, Path.of("target", "service-logs").toAbsolutePath());
            system.startServices();
            running = system;
        }
        return running;
    }

    private void startServices() {
        // Every test registers and signs in from 127.0.0.1: the per-address limits (50 registrations per 10 min, 100
        // logins per 5 min; tested in user-service) would refuse the suite's later tests (the group tests alone sign
        // in 20 devices), so this system allows the whole suite's worth.
        users = start(launch(userService, userService.name(), Map.of(
                "PARLEY_USER_REGISTRATIONRATELIMIT_PERADDRESS_ATTEMPTS", "5000",
                "PARLEY_USER_LOGINRATELIMIT_PERADDRESS_ATTEMPTS", "5000")));
        for (int i = 0; i < chatPorts.size(); i++) {
            chats.add(start(launch(chatPorts.get(i), "chat-service-" + (i + 1), Map.of(
                    "PARLEY_AUTH_JWKSURI", jwksUri(),
                    "PARLEY_CHAT_USERDIRECTORY_ADDRESS", "127.0.0.1:" + userService.grpcPort()))));
        }
        // A short grace and liveness keep presence tests short; privacy answers are not cached, so a changed
        // setting applies to the next subscription.
        presence = start(launch(presenceService, presenceService.name(), Map.of(
                "PARLEY_AUTH_JWKSURI", jwksUri(),
                "PARLEY_PRESENCE_USERDIRECTORY_ADDRESS", "127.0.0.1:" + userService.grpcPort(),
                "PARLEY_PRESENCE_USERDIRECTORY_CACHETTL", "0s",
                "PARLEY_PRESENCE_GRACE", PRESENCE_GRACE.toMillis() + "ms")));
        groups = start(launch(groupService, groupService.name(), Map.of(
                "PARLEY_AUTH_JWKSURI", jwksUri(),
                "PARLEY_GROUP_USERDIRECTORY_ADDRESS", "127.0.0.1:" + userService.grpcPort(),
                "PARLEY_GROUP_CHATSERVICE_ADDRESS", chatServiceTarget())));
        for (int i = 0; i < gatewayPorts.size(); i++) {
            gateways.add(start(gatewayLaunch(i)));
        }
        Instant deadline = Instant.now().plus(START_DEADLINE);
        List<ServiceProcess> all = new ArrayList<>(List.of(users, presence, groups));
        all.addAll(chats);
        all.addAll(gateways);
        for (ServiceProcess service : all) {
            awaitHealthy(service, deadline);
        }
    }

    private ServiceLaunch gatewayLaunch(int index) {
        ServiceDefinition gateway = gatewayPorts.get(index);
        Map<String, String> settings = new HashMap<>();
        settings.put("PARLEY_AUTH_JWKSURI", jwksUri());
        settings.put("PARLEY_GATEWAY_CHATSERVICE_ADDRESS", chatServiceTarget());
        settings.put("PARLEY_GATEWAY_USERSERVICE_ADDRESS", "127.0.0.1:" + userService.grpcPort());
        settings.put("PARLEY_GATEWAY_PRESENCESERVICE_ADDRESS", "127.0.0.1:" + presenceService.grpcPort());
        settings.put("PARLEY_GATEWAY_PRESENCESERVICE_LIVENESSTTL", GATEWAY_LIVENESS_TTL.toMillis() + "ms");
        // The tests send hundreds of messages from one device as fast as they can.
        settings.put("PARLEY_GATEWAY_CONNECTION_SENDRATEPERSECOND", "5000");
        settings.put("PARLEY_GATEWAY_CONNECTION_SENDBURST", "5000");
        settings.put("PARLEY_GATEWAY_CONNECTION_MAXINFLIGHTFRAMES", "256");
        // The hostile-input suite sends typing frames among its hundreds of others as fast as it can.
        settings.put("PARLEY_GATEWAY_TYPING_RATEPERSECOND", "5000");
        settings.put("PARLEY_GATEWAY_TYPING_BURST", "5000");
        return launch(gateway, "gateway-service-" + (index + 1), settings);
    }

    private ServiceLaunch launch(ServiceDefinition service, String instance, Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(ServiceEnvironment.of(service, infrastructure, secrets));
        environment.putAll(settings);
        return ServiceLaunch.of(service, service.jar(repoRoot, version), environment, logs).withInstanceName(instance);
    }

    private static ServiceProcess start(ServiceLaunch launch) {
        try {
            return ServiceProcess.start(launch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitHealthy(ServiceProcess service, Instant deadline) {
        try {
            service.awaitHealthy(Clock.systemUTC(), deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ServiceDefinition onFreePorts(String name) {
        return ServiceDefinition.named(name).withPorts(FreePorts.allocate(), FreePorts.allocate());
    }

    /** Every chat-service instance, for a caller's channel to balance over. */
    private String chatServiceTarget() {
        return "addresses:///" + String.join(",", chatPorts.stream().map(chat -> "127.0.0.1:" + chat.grpcPort()).toList());
    }

    private String jwksUri() {
        return userServiceUri() + "/v1/.well-known/jwks.json";
    }

    public String userServiceUri() {
        return "http://127.0.0.1:" + userService.httpPort();
    }

    public String presenceServiceUri() {
        return "http://127.0.0.1:" + presenceService.httpPort();
    }

    public String groupServiceUri() {
        return "http://127.0.0.1:" + groupService.httpPort();
    }

    /** The REST base of a running chat-service instance (any instance answers the same). */
    public String chatServiceUri() {
        int running = chats.get(0).isAlive() ? 0 : 1;
        return "http://127.0.0.1:" + chatPorts.get(running).httpPort();
    }

    /**
     * push-service's REST root, starting it on first use with {@code platforms} (environment settings: the push
     * platforms' endpoints and credentials, the local ones of the calling test) on top of the system's.
     */
    public synchronized String pushService(Map<String, String> platforms) {
        if (push == null) {
            Map<String, String> settings = new HashMap<>(platforms);
            settings.put("PARLEY_AUTH_JWKSURI", jwksUri());
            push = start(launch(pushService, pushService.name(), settings));
            awaitHealthy(push, Instant.now().plus(START_DEADLINE));
        }
        return "http://127.0.0.1:" + pushService.httpPort();
    }

    /** The WebSocket URL of gateway {@code index} (0 or 1). */
    public URI gateway(int index) {
        return URI.create("ws://127.0.0.1:" + gatewayPorts.get(index).httpPort() + "/v1/ws");
    }

    public LocalInfrastructure infrastructure() {
        return infrastructure;
    }

    /** kill -9 of a gateway: no draining, its connections just drop. */
    public void killGateway(int index) {
        gateways.get(index).kill();
    }

    /** Starts gateway {@code index} again if it is not running (after {@link #killGateway}). */
    public void restartGateway(int index) {
        if (!gateways.get(index).isAlive()) {
            gateways.set(index, restart(gateways.get(index)));
        }
    }

    /** A graceful stop of a gateway (SIGTERM, as Kubernetes sends it): it drains, devices reconnect elsewhere. */
    public void stopGateway(int index) {
        gateways.get(index).stop(GRACEFUL_STOP);
    }

    /** A graceful stop of chat-service {@code index} (SIGTERM): in-flight calls finish, consumers leave their group. */
    public void stopChatService(int index) {
        chats.get(index).stop(GRACEFUL_STOP);
    }

    /** kill -9 of chat-service {@code index}: in-flight sends, consumers and fan-out die mid-way. */
    public void killChatService(int index) {
        chats.get(index).kill();
    }

    /** Starts chat-service {@code index} again if it is not running. */
    public void restartChatService(int index) {
        if (!chats.get(index).isAlive()) {
            chats.set(index, restart(chats.get(index)));
        }
    }

    private static ServiceProcess restart(ServiceProcess dead) {
        try {
            ServiceProcess restarted = dead.restart();
            awaitHealthy(restarted, Instant.now().plus(START_DEADLINE));
            return restarted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
