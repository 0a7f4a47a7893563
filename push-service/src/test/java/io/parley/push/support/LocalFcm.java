package io.parley.push.support;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local FCM: Google's OAuth2 token endpoint (JWT bearer grant; the assertion's RS256 signature is verified against
 * the service account's public key, and its issuer, audience, scope and lifetime are checked) and FCM HTTP v1's
 * {@code messages:send} (bearer token checked), answering with FCM's real error bodies:
 * {@link #UNREGISTERED_TOKEN} 404 UNREGISTERED, {@link #INVALID_TOKEN} 400 INVALID_ARGUMENT, and a token given to
 * {@link #throttle} 429 QUOTA_EXCEEDED with {@code Retry-After}.
 */
public final class LocalFcm {

    public static final String PROJECT = "parley-test";
    public static final String CLIENT_EMAIL = "push@parley-test.iam.gserviceaccount.com";
    public static final String UNREGISTERED_TOKEN = "fcm-unregistered";
    public static final String INVALID_TOKEN = "fcm-invalid";
    private static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final KeyPair serviceAccountKey;
    private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenExchanges = new AtomicInteger();
    private final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final Map<String, Throttle> throttled = new ConcurrentHashMap<>();
    private final Map<String, Long> lastRefusalNanos = new ConcurrentHashMap<>();
    private final Map<String, Long> lastAcceptNanos = new ConcurrentHashMap<>();

    private record Throttle(AtomicInteger left, int retryAfterSeconds) {
    }

    private LocalFcm() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        serviceAccountKey = generator.generateKeyPair();
        server = LoopbackHttpServer.start("local FCM", Map.of("/token", this::token, "/v1/projects/", this::send));
    }

    private static final class Shared {
        static final LocalFcm FCM = create();

        private static LocalFcm create() {
            try {
                return new LocalFcm();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("could not make the local FCM's service account key", e);
            }
        }
    }

    /** One per test JVM. */
    public static LocalFcm instance() {
        return Shared.FCM;
    }

    public String endpoint() {
        return LoopbackHttpServer.origin(server);
    }

    /** The service account key JSON as the Firebase console hands it out, pointing at this server's token URI. */
    public String serviceAccountJson() {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(serviceAccountKey.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Map<String, String> key = new HashMap<>();
        key.put("type", "service_account");
        key.put("project_id", PROJECT);
        key.put("private_key_id", "key-1");
        key.put("private_key", pem);
        key.put("client_email", CLIENT_EMAIL);
        key.put("token_uri", endpoint() + "/token");
        return JSON.writeValueAsString(key);
    }

    public void throttle(String token, int times, int retryAfterSeconds) {
        throttled.put(token, new Throttle(new AtomicInteger(times), retryAfterSeconds));
    }

    public int tokenExchanges() {
        return tokenExchanges.get();
    }

    /** Accepted messages ({@code message} objects) whose data names {@code messageId}. */
    public List<JsonNode> acceptedFor(String messageId) {
        return accepted.stream().filter(m -> messageId.equals(m.path("data").path("message_id").asString())).toList();
    }

    /** Accepted messages ({@code message} objects) sent to the registration token, in order. */
    public List<JsonNode> acceptedTo(String token) {
        return accepted.stream().filter(m -> token.equals(m.path("token").asString())).toList();
    }

    /** "token status" of each refused send, in order. */
    public List<String> refusals(String token) {
        return refused.stream().filter(r -> r.startsWith(token + " ")).toList();
    }

    /** Time between the last refusal and the last acceptance of sends to {@code token}. */
    public Duration refusalToAcceptance(String token) {
        return Duration.ofNanos(lastAcceptNanos.get(token) - lastRefusalNanos.get(token));
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        try {
            SignedJWT assertion = SignedJWT.parse(form.get("assertion"));
            JWTClaimsSet claims = assertion.getJWTClaimsSet();
            boolean valid = "urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))
                    && assertion.verify(new RSASSAVerifier((RSAPublicKey) serviceAccountKey.getPublic()))
                    && CLIENT_EMAIL.equals(claims.getIssuer())
                    && claims.getAudience().contains(endpoint() + "/token")
                    && SCOPE.equals(claims.getStringClaim("scope"))
                    && claims.getExpirationTime().after(new Date())
                    && claims.getExpirationTime().getTime() - claims.getIssueTime().getTime() <= 3_600_000;
            if (!valid) {
                respond(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}", null);
                return;
            }
        } catch (Exception e) {
            respond(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT.\"}", null);
            return;
        }
        String accessToken = "ya29." + UUID.randomUUID();
        issuedTokens.add(accessToken);
        tokenExchanges.incrementAndGet();
        respond(exchange, 200, "{\"access_token\":\"" + accessToken + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}", null);
    }

    private void send(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!exchange.getRequestURI().getPath().equals("/v1/projects/" + PROJECT + "/messages:send")
                || !"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 404, error(404, "NOT_FOUND", "Not found", null), null);
            return;
        }
        if (authorization == null || !issuedTokens.contains(authorization.replaceFirst("^Bearer ", ""))) {
            respond(exchange, 401, error(401, "UNAUTHENTICATED",
                    "Request had invalid authentication credentials. Expected OAuth 2 access token.", null), null);
            return;
        }
        JsonNode message = JSON.readTree(exchange.getRequestBody().readAllBytes()).path("message");
        String token = message.path("token").asString();
        if (UNREGISTERED_TOKEN.equals(token)) {
            refuse(exchange, token, 404, error(404, "NOT_FOUND", "Requested entity was not found.", "UNREGISTERED"), null);
            return;
        }
        if (INVALID_TOKEN.equals(token)) {
            refuse(exchange, token, 400, error(400, "INVALID_ARGUMENT",
                    "The registration token is not a valid FCM registration token", "INVALID_ARGUMENT"), null);
            return;
        }
        Throttle throttle = throttled.get(token);
        if (throttle != null && throttle.left().getAndDecrement() > 0) {
            refuse(exchange, token, 429, error(429, "RESOURCE_EXHAUSTED",
                    "Quota exceeded for quota metric 'Send requests'", "QUOTA_EXCEEDED"), Integer.toString(throttle.retryAfterSeconds()));
            return;
        }
        accepted.add(message);
        lastAcceptNanos.put(token, System.nanoTime());
        respond(exchange, 200, "{\"name\":\"projects/" + PROJECT + "/messages/0:" + System.nanoTime() + "\"}", null);
    }

    private void refuse(HttpExchange exchange, String token, int status, String body, String retryAfter) throws IOException {
        refused.add(token + " " + status);
        lastRefusalNanos.put(token, System.nanoTime());
        respond(exchange, status, body, retryAfter);
    }

    private static String error(int code, String status, String message, String fcmErrorCode) {
        String details = fcmErrorCode == null ? "" : ",\"details\":[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\","
                + "\"errorCode\":\"" + fcmErrorCode + "\"}]";
        return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":\"" + status + "\"" + details + "}}";
    }

    private static void respond(HttpExchange exchange, int status, String body, String retryAfter) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
