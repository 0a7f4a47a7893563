package io.parley.bench.accounts;

import io.parley.bench.net.HttpResult;
import io.parley.bench.net.SimpleHttp;
import io.parley.bench.net.SourceAddresses;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers users and signs devices in through user-service's REST API (docs/identity.md). Logins are limited per
 * username and per client address (10 and 100 per 5 minutes by default), so every login goes out from the next of
 * {@code loginSources} in turn (give enough addresses that each gets fewer than the per-address limit), and a 429
 * is retried from the next address.
 */
public final class Accounts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SimpleHttp http;
    private final URI userService;
    private final SourceAddresses loginSources;
    private final Semaphore inFlight;
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private final String password = "bench-" + UUID.randomUUID();

    public Accounts(SimpleHttp http, URI userService, SourceAddresses loginSources, int concurrency) {
        this.http = http;
        this.userService = userService;
        this.loginSources = loginSources;
        this.inFlight = new Semaphore(concurrency);
    }

    /** Registers {@code count} fresh users named {@code bench_<run>_<role>_<i>} (fresh: empty inboxes). */
    public List<User> register(String role, int count) {
        List<CompletableFuture<User>> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String username = ("b" + runId + "_" + role + "_" + i).toLowerCase();
            users.add(limited(() -> registerOnce(username, 0)));
        }
        return users.stream().map(CompletableFuture::join).toList();
    }

    /** Signs one new device of {@code user} in. */
    public CompletableFuture<DeviceLogin> login(User user) {
        return limited(() -> loginOnce(user, UUID.randomUUID().toString(), 0));
    }

    /** Lets everyone see the user's online state and last seen (presence benchmarks watch strangers). */
    public CompletableFuture<Void> showPresenceToEveryone(DeviceLogin login) {
        URI privacy = userService.resolve("/v1/users/" + login.user().userId() + "/privacy");
        return limited(() -> http.putJson(privacy, "{\"lastSeen\":\"everyone\",\"readReceipts\":true}",
                login.accessToken(), loginSources.next())
                .thenApply(result -> {
                    expect(result, 200, "privacy of " + login.user().username());
                    return null;
                }));
    }

    private CompletableFuture<User> registerOnce(String username, int attempt) {
        String body = JSON.writeValueAsString(Map.of("username", username, "password", password,
                "displayName", username));
        return http.postJson(userService.resolve("/v1/accounts"), body, null, loginSources.next())
                .thenCompose(result -> {
                    if (result.status() == 429 && attempt < 3) {
                        // Over the registration limit at this address: the next attempt goes from the next one.
                        return registerOnce(username, attempt + 1);
                    }
                    JsonNode json = expect(result, 201, "register " + username);
                    return CompletableFuture.completedFuture(new User(json.get("userId").asString(), username, password));
                });
    }

    private CompletableFuture<DeviceLogin> loginOnce(User user, String deviceId, int attempt) {
        String body = JSON.writeValueAsString(Map.of("username", user.username(), "password", user.password(),
                "device", Map.of("deviceId", deviceId, "platform", "desktop", "name", "bench")));
        return http.postJson(userService.resolve("/v1/auth/login"), body, null, loginSources.next())
                .thenCompose(result -> {
                    if (result.status() == 429 && attempt < 3) {
                        // Over a login limit at this address: the next attempt goes out from the next address.
                        return loginOnce(user, deviceId, attempt + 1);
                    }
                    JsonNode json = expect(result, 200, "login " + user.username());
                    return CompletableFuture.completedFuture(
                            new DeviceLogin(user, deviceId, json.get("accessToken").asString()));
                });
    }

    private <T> CompletableFuture<T> limited(java.util.function.Supplier<CompletableFuture<T>> call) {
        inFlight.acquireUninterruptibly();
        CompletableFuture<T> result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
        return result.whenComplete((value, failure) -> inFlight.release());
    }

    private static JsonNode expect(HttpResult result, int status, String what) {
        if (result.status() != status) {
            throw new IllegalStateException(what + " answered " + result.status() + ": " + result.body());
        }
        return JSON.readTree(result.body());
    }
}
