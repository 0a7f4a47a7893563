package io.parley.user.support;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The REST calls tests make over and over: register, log in, call as a device. */
public final class Api {

    public static final String PASSWORD = "correct horse battery staple";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final WebTestClient http;

    public Api(WebTestClient http) {
        // Argon2 hashing on two busy cores can take longer than WebTestClient's default 5 s under concurrency.
        this.http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    public WebTestClient http() {
        return http;
    }

    public static String uniqueUsername() {
        return "u" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }

    /** A made-up client address, so per-address login limits of one test do not hit another. */
    public static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    public UUID register(String username) {
        Map<String, Object> created = http.post().uri("/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", randomAddress())
                .bodyValue(Map.of("username", username, "password", PASSWORD, "displayName", "User " + username))
                .exchange().expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
        return UUID.fromString((String) created.get("userId"));
    }

    public Session login(String username, UUID deviceId) {
        return login(username, deviceId, randomAddress());
    }

    public Session login(String username, UUID deviceId, String clientAddress) {
        Map<String, Object> tokens = loginRequest(username, PASSWORD, deviceId, clientAddress)
                .exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
        return new Session(UUID.fromString((String) tokens.get("userId")), username, deviceId,
                (String) tokens.get("accessToken"), (String) tokens.get("refreshToken"));
    }

    public WebTestClient.RequestHeadersSpec<?> loginRequest(String username, String password, UUID deviceId, String clientAddress) {
        return http.post().uri("/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", clientAddress)
                .bodyValue(Map.of("username", username, "password", password,
                        "device", Map.of("deviceId", deviceId.toString(), "platform", "android", "name", "Test phone")));
    }

    /** A new account signed in on one new device. */
    public Session newUser() {
        String username = uniqueUsername();
        register(username);
        return login(username, UUID.randomUUID());
    }

    /** The same account signed in on another new device. */
    public Session newDevice(Session user) {
        return login(user.username(), UUID.randomUUID());
    }

    public WebTestClient.ResponseSpec get(Session as, String uri, Object... variables) {
        return http.get().uri(uri, variables).header("Authorization", as.bearer()).exchange();
    }

    public WebTestClient.ResponseSpec delete(Session as, String uri, Object... variables) {
        return http.delete().uri(uri, variables).header("Authorization", as.bearer()).exchange();
    }

    public WebTestClient.ResponseSpec put(Session as, String json, String uri, Object... variables) {
        return http.put().uri(uri, variables).header("Authorization", as.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    public WebTestClient.ResponseSpec post(Session as, String json, String uri, Object... variables) {
        return http.post().uri(uri, variables).header("Authorization", as.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    public WebTestClient.ResponseSpec patch(Session as, String json, String uri, Object... variables) {
        return http.patch().uri(uri, variables).header("Authorization", as.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    public static ParameterizedTypeReference<Map<String, Object>> json() {
        return JSON;
    }
}
