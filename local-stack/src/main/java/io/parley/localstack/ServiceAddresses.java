package io.parley.localstack;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the services find each other when they do not run on their default ports (a port offset, free ports in
 * tests, several instances): each caller's settings for the gRPC addresses it dials and for user-service's JWKS, as
 * environment variables. The defaults in the services' application.yaml are the ports of {@link ServiceDefinition#ALL}.
 * A callee that runs several times is given as all its addresses ({@code addresses:///…}), and the caller's channel
 * balances over them (service-identity's {@code ServiceChannels}).
 */
public final class ServiceAddresses {

    /** The setting that holds a callee's gRPC address, per caller. */
    private record Call(String caller, String callee, String setting) {
    }

    private static final List<Call> CALLS = List.of(
            new Call("gateway-service", "chat-service", "PARLEY_GATEWAY_CHATSERVICE_ADDRESS"),
            new Call("gateway-service", "user-service", "PARLEY_GATEWAY_USERSERVICE_ADDRESS"),
            new Call("gateway-service", "presence-service", "PARLEY_GATEWAY_PRESENCESERVICE_ADDRESS"),
            new Call("chat-service", "user-service", "PARLEY_CHAT_USERDIRECTORY_ADDRESS"),
            new Call("chat-service", "media-service", "PARLEY_CHAT_MEDIALIBRARY_ADDRESS"),
            new Call("presence-service", "user-service", "PARLEY_PRESENCE_USERDIRECTORY_ADDRESS"),
            new Call("media-service", "chat-service", "PARLEY_MEDIA_CHATMEMBERSHIP_ADDRESS"),
            new Call("group-service", "user-service", "PARLEY_GROUP_USERDIRECTORY_ADDRESS"),
            new Call("group-service", "chat-service", "PARLEY_GROUP_CHATSERVICE_ADDRESS"),
            new Call("group-service", "media-service", "PARLEY_GROUP_MEDIALIBRARY_ADDRESS"));

    /** The services that verify access tokens against user-service's published keys. */
    private static final List<String> TOKEN_VERIFIERS =
            List.of("gateway-service", "chat-service", "presence-service", "media-service", "push-service",
                    "group-service");

    private final Map<String, List<ServiceDefinition>> byName;

    private ServiceAddresses(Map<String, List<ServiceDefinition>> byName) {
        this.byName = byName;
    }

    /** The services on the ports given; several definitions of one name are instances of it. */
    public static ServiceAddresses of(List<ServiceDefinition> services) {
        return new ServiceAddresses(services.stream().collect(
                Collectors.groupingBy(ServiceDefinition::name, LinkedHashMap::new, Collectors.toList())));
    }

    /** The gRPC target of a service's instances on loopback: {@code 127.0.0.1:port} for one, all of them for more. */
    public static String grpcTarget(List<ServiceDefinition> instances) {
        List<String> addresses = instances.stream().map(instance -> "127.0.0.1:" + instance.grpcPort()).toList();
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no instance to address");
        }
        return addresses.size() == 1 ? addresses.get(0) : "addresses:///" + String.join(",", addresses);
    }

    /** The settings that point {@code caller} at the others' ports; callees not running here are left out. */
    public Map<String, String> environmentFor(String caller) {
        Map<String, String> env = new HashMap<>();
        for (Call call : CALLS) {
            if (call.caller().equals(caller) && byName.containsKey(call.callee())) {
                env.put(call.setting(), grpcTarget(byName.get(call.callee())));
            }
        }
        List<ServiceDefinition> users = byName.get("user-service");
        if (TOKEN_VERIFIERS.contains(caller) && users != null) {
            env.put("PARLEY_AUTH_JWKSURI", "http://127.0.0.1:" + users.get(0).httpPort() + "/v1/.well-known/jwks.json");
        }
        return env;
    }
}
