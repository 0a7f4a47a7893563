package io.parley.push.support;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local push service (RFC 8030) as a browser's vendor runs it: {@code POST /push/{id}} checks the VAPID header
 * (RFC 8292: the JWT's ES256 signature against {@code k}, {@code aud} = this origin, {@code exp} within 24 h, a
 * {@code sub}), requires {@code TTL} and {@code Content-Encoding: aes128gcm}, then decrypts the body with the
 * subscription's private key (RFC 8291) as the browser would, and answers 201. An unsubscribed id answers 410.
 */
public final class LocalWebPush {

    /** What the browser received: the decrypted payload and the headers the push service saw. */
    public record Received(String subscriptionId, String plaintext, String ttl, String urgency, String topic) {
    }

    private final HttpServer server;
    private final WebPushKeys vapidKeys = WebPushKeys.generate();
    private final Map<String, WebPushKeys> subscriptions = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    private LocalWebPush() {
        server = LoopbackHttpServer.start("local push service", Map.of("/push/", this::push));
    }

    private static final class Shared {
        static final LocalWebPush PUSH_SERVICE = new LocalWebPush();
    }

    /** One per test JVM. */
    public static LocalWebPush instance() {
        return Shared.PUSH_SERVICE;
    }

    public String origin() {
        return LoopbackHttpServer.origin(server);
    }

    public String vapidPublicKey() {
        return vapidKeys.publicKeyBase64Url();
    }

    public String vapidPrivateKey() {
        BigInteger scalar = ((ECPrivateKey) vapidKeys.keyPair().getPrivate()).getS();
        byte[] bytes = scalar.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    /** A browser subscribes: its keys stay here (the private one never leaves the browser), its endpoint is returned. */
    public Subscription subscribe() {
        String id = UUID.randomUUID().toString();
        WebPushKeys keys = WebPushKeys.generate();
        subscriptions.put(id, keys);
        return new Subscription(id, origin() + "/push/" + id, keys);
    }

    public record Subscription(String id, String endpoint, WebPushKeys keys) {
    }

    /** The browser unsubscribed: its endpoint answers 410 Gone. */
    public void unsubscribe(String id) {
        subscriptions.remove(id);
    }

    public List<Received> receivedBy(String subscriptionId) {
        return received.stream().filter(r -> r.subscriptionId().equals(subscriptionId)).toList();
    }

    public List<String> refusalsOf(String subscriptionId) {
        return refused.stream().filter(r -> r.startsWith(subscriptionId + " ")).toList();
    }

    private void push(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/push/".length());
        byte[] body = exchange.getRequestBody().readAllBytes();
        String problem = vapidProblem(exchange.getRequestHeaders().getFirst("Authorization"));
        if (problem == null && exchange.getRequestHeaders().getFirst("TTL") == null) {
            problem = "TTL is required";
        }
        if (problem == null && !"aes128gcm".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            problem = "Content-Encoding must be aes128gcm";
        }
        if (problem != null) {
            refused.add(id + " 401 " + problem);
            respond(exchange, 401);
            return;
        }
        WebPushKeys keys = subscriptions.get(id);
        if (keys == null) {
            refused.add(id + " 410");
            respond(exchange, 410);
            return;
        }
        String plaintext;
        try {
            plaintext = new String(WebPushDecryption.decrypt(body, keys), StandardCharsets.UTF_8);
        } catch (Exception e) {
            refused.add(id + " 400 undecryptable: " + e);
            respond(exchange, 400);
            return;
        }
        received.add(new Received(id, plaintext, exchange.getRequestHeaders().getFirst("TTL"),
                exchange.getRequestHeaders().getFirst("Urgency"), exchange.getRequestHeaders().getFirst("Topic")));
        respond(exchange, 201);
    }

    /** Null when the header is a valid VAPID authorization for this origin. */
    private String vapidProblem(String authorization) {
        if (authorization == null || !authorization.startsWith("vapid ")) {
            return "no vapid authorization";
        }
        Map<String, String> parameters = new ConcurrentHashMap<>();
        for (String part : authorization.substring("vapid ".length()).split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2) {
                parameters.put(pair[0], pair[1]);
            }
        }
        try {
            ECPublicKey key = (ECPublicKey) WebPushDecryption.publicKey(Base64.getUrlDecoder().decode(parameters.get("k")));
            SignedJWT jwt = SignedJWT.parse(parameters.get("t"));
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            long expiresIn = claims.getExpirationTime().getTime() - System.currentTimeMillis();
            if (!jwt.verify(new ECDSAVerifier(key))) {
                return "bad signature";
            }
            if (!claims.getAudience().equals(List.of(origin()))) {
                return "aud is not " + origin();
            }
            if (expiresIn <= 0 || expiresIn > 24 * 3_600_000L) {
                return "exp not within 24 h";
            }
            if (claims.getSubject() == null || !parameters.get("k").equals(vapidPublicKey())) {
                return "no sub, or not the application server key";
            }
            return null;
        } catch (Exception e) {
            return "unreadable: " + e;
        }
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
