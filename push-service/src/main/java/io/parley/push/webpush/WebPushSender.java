package io.parley.push.webpush;

import io.parley.push.delivery.ChatClear;
import io.parley.push.delivery.Notification;
import io.parley.push.delivery.PushSender;
import io.parley.push.delivery.RetryAfter;
import io.parley.push.delivery.SendOutcome;
import io.parley.push.tokens.Platform;
import io.parley.push.tokens.PushToken;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes to a browser's push service (RFC 8030): the payload encrypted for the subscription (RFC 8291, aes128gcm),
 * VAPID authorization (RFC 8292), {@code TTL} up to the notification's expiry, {@code Urgency: high} and the chat's
 * collapse key as {@code Topic}, so a newer push of the chat replaces one still queued for an offline browser.
 */
final class WebPushSender implements PushSender {

    private final WebClient http;
    private final Vapid vapid;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration timeout;

    WebPushSender(WebClient http, Vapid vapid, JsonMapper json, Clock clock, Duration timeout) {
        this.http = http;
        this.vapid = vapid;
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public Platform platform() {
        return Platform.WEB_PUSH;
    }

    @Override
    public Mono<SendOutcome> send(PushToken token, Notification notification) {
        return post((PushToken.WebPush) token, payload(notification), notification.expiresAt(), "high",
                notification.collapseKey());
    }

    @Override
    public boolean clears() {
        return true;
    }

    /**
     * A payload the service worker answers by closing the chat's notification ({@code getNotifications} by its tag),
     * under the chat's Topic, so it also replaces a push the browser has not fetched yet.
     */
    @Override
    public Mono<SendOutcome> clear(PushToken token, ChatClear clear) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "clear");
        payload.put("chat_id", clear.chatId());
        payload.put("read_up_to_seq", clear.readUpToSeq());
        return post((PushToken.WebPush) token, json.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8),
                clear.expiresAt(), "normal", clear.collapseKey());
    }

    private Mono<SendOutcome> post(PushToken.WebPush subscription, byte[] plaintext, Instant expiresAt, String urgency,
            String topic) {
        byte[] body;
        try {
            body = Aes128Gcm.encrypt(plaintext, Base64.getUrlDecoder().decode(subscription.p256dh().replace("=", "")),
                    Base64.getUrlDecoder().decode(subscription.auth().replace("=", "")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Mono.just(new SendOutcome.TokenDead("subscription keys unusable: " + e.getMessage()));
        }
        URI endpoint = URI.create(subscription.endpoint());
        long ttl = Math.max(0, Duration.between(clock.instant(), expiresAt).toSeconds());
        return Mono.defer(() -> http.post().uri(endpoint)
                        .header(HttpHeaders.AUTHORIZATION, vapid.authorization(endpoint))
                        .header(HttpHeaders.CONTENT_ENCODING, "aes128gcm")
                        .header("TTL", Long.toString(ttl))
                        .header("Urgency", urgency)
                        .header("Topic", topic)
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .bodyValue(body)
                        .exchangeToMono(this::outcome))
                .timeout(timeout)
                .onErrorResume(failure -> Mono.just(new SendOutcome.RetryLater("push service unreachable: " + failure, Duration.ZERO)));
    }

    /** What the service worker receives after decryption: the message reference, never the body (a preview at most). */
    byte[] payload(Notification notification) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "new_message");
        payload.put("chat_id", notification.chatId());
        payload.put("message_id", notification.messageId());
        payload.put("seq", notification.seq());
        payload.put("sender_user_id", notification.senderUserId());
        payload.put("count", notification.messages());
        if (!notification.chatName().isEmpty()) {
            payload.put("chat_name", notification.chatName());
        }
        if (!notification.preview().isEmpty()) {
            // Only for a user who allowed previews of plain text; the service worker shows it as the body.
            payload.put("preview", notification.preview());
        }
        return json.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8);
    }

    private Mono<SendOutcome> outcome(ClientResponse response) {
        int status = response.statusCode().value();
        Duration retryAfter = RetryAfter.of(response.headers().asHttpHeaders(), clock);
        return response.releaseBody().thenReturn(outcome(status, retryAfter));
    }

    static SendOutcome outcome(int status, Duration retryAfter) {
        if (status >= 200 && status < 300) {
            return new SendOutcome.Delivered();
        }
        if (status == 404 || status == 410) {
            return new SendOutcome.TokenDead(status + " subscription expired or unsubscribed");
        }
        if (status == 429 || status >= 500) {
            return new SendOutcome.RetryLater(Integer.toString(status), retryAfter);
        }
        return new SendOutcome.Rejected(Integer.toString(status));
    }
}
