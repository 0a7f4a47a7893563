package io.parley.push.support;

import com.eatthepath.pushy.apns.ApnsPushNotification;
import com.eatthepath.pushy.apns.auth.ApnsVerificationKey;
import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.eatthepath.pushy.apns.server.ParsingMockApnsServerListenerAdapter;
import com.eatthepath.pushy.apns.server.PushNotificationHandler;
import com.eatthepath.pushy.apns.server.RejectedNotificationException;
import com.eatthepath.pushy.apns.server.RejectionReason;
import com.eatthepath.pushy.apns.server.ValidatingPushNotificationHandlerFactory;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local APNs: Pushy's mock server, speaking APNs' HTTP/2 protocol over TLS with a self-signed certificate, that
 * verifies each provider token's ES256 signature, team and key id and the topic, and answers as APNs does:
 * {@link #TOKEN} and {@link #SANDBOX_TOKEN} are registered for {@link #TOPIC}, {@link #UNREGISTERED_TOKEN} answers
 * 410 Unregistered, any other token 400 BadDeviceToken. {@link #throttle} makes a token's next sends answer 429.
 */
public final class LocalApns {

    public static final String TOPIC = "io.parley.app";
    public static final String TEAM_ID = "TEAM123456";
    public static final String KEY_ID = "KEY1234567";
    public static final String TOKEN = "1".repeat(64);
    public static final String SANDBOX_TOKEN = "5".repeat(64);
    public static final String UNREGISTERED_TOKEN = "2".repeat(64);
    public static final String THROTTLED_TOKEN = "4".repeat(64);
    public static final String UNKNOWN_TOKEN = "3".repeat(64);

    private final MockApnsServer server;
    private final int port;
    private final Path certificate;
    private final String signingKeyPem;
    private final List<ApnsPushNotification> accepted = new CopyOnWriteArrayList<>();
    private final List<Rejection> rejected = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();

    public record Rejection(ApnsPushNotification notification, RejectionReason reason) {
    }

    private LocalApns() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair providerKey = generator.generateKeyPair();
        signingKeyPem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(providerKey.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        ApnsVerificationKey verificationKey = new ApnsVerificationKey(KEY_ID, TEAM_ID, (ECPublicKey) providerKey.getPublic());

        SelfSignedCertificate tls = new SelfSignedCertificate("localhost");
        certificate = Files.createTempFile("local-apns", ".pem");
        Files.copy(tls.certificate().toPath(), certificate, StandardCopyOption.REPLACE_EXISTING);

        ValidatingPushNotificationHandlerFactory validating = new ValidatingPushNotificationHandlerFactory(
                Map.of(TOPIC, Set.of(TOKEN, SANDBOX_TOKEN, UNREGISTERED_TOKEN, THROTTLED_TOKEN)),
                Map.of(UNREGISTERED_TOKEN, Instant.parse("2026-01-01T00:00:00Z")),
                Map.of(KEY_ID, verificationKey),
                Map.of(verificationKey, Set.of(TOPIC)));
        server = new MockApnsServerBuilder()
                .setServerCredentials(tls.certificate(), tls.privateKey(), null)
                .setHandlerFactory(session -> {
                    PushNotificationHandler real = validating.buildHandler(session);
                    return (headers, payload) -> {
                        real.handlePushNotification(headers, payload);
                        String token = headers.path().toString().substring(headers.path().toString().lastIndexOf('/') + 1);
                        AtomicInteger left = throttled.get(token);
                        if (left != null && left.getAndDecrement() > 0) {
                            throw new RejectedNotificationException(RejectionReason.TOO_MANY_REQUESTS);
                        }
                    };
                })
                .setListener(new ParsingMockApnsServerListenerAdapter() {
                    @Override
                    public void handlePushNotificationAccepted(ApnsPushNotification notification) {
                        accepted.add(notification);
                    }

                    @Override
                    public void handlePushNotificationRejected(ApnsPushNotification notification, RejectionReason reason,
                            Instant deviceTokenExpirationTimestamp) {
                        rejected.add(new Rejection(notification, reason));
                    }
                })
                .build();
        port = (Integer) server.start(0).get();
    }

    private static LocalApns instance;

    /** One per test JVM, started on first use. */
    public static synchronized LocalApns instance() {
        if (instance == null) {
            try {
                instance = new LocalApns();
            } catch (Exception e) {
                throw new IllegalStateException("could not start the local APNs", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> instance.server.shutdown()));
        }
        return instance;
    }

    public int port() {
        return port;
    }

    public Path certificate() {
        return certificate;
    }

    /** The provider key's PKCS#8 PEM, as an operator puts the .p8 file into the secret. */
    public String signingKeyPem() {
        return signingKeyPem;
    }

    /** The next {@code times} sends to {@code token} are answered 429 TooManyRequests. */
    public void throttle(String token, int times) {
        throttled.put(token, new AtomicInteger(times));
    }

    /** Every push APNs accepted whose payload mentions {@code text} (a message id). */
    public List<ApnsPushNotification> acceptedMentioning(String text) {
        List<ApnsPushNotification> matching = new ArrayList<>();
        accepted.stream().filter(n -> n.getPayload().contains(text)).forEach(matching::add);
        return matching;
    }

    public List<Rejection> rejectedMentioning(String text) {
        return rejected.stream().filter(r -> r.notification().getPayload().contains(text)).toList();
    }
}
