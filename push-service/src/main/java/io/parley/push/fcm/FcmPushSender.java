package io.parley.push.fcm;

import io.parley.push.delivery.ChatClear;
import io.parley.push.delivery.Notification;
import io.parley.push.delivery.PushSender;
import io.parley.push.delivery.RetryAfter;
import io.parley.push.delivery.SendOutcome;
import io.parley.push.tokens.Platform;
import io.parley.push.tokens.PushToken;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Pushes through FCM HTTP v1 ({@code POST /v1/projects/{id}/messages:send}, bearer access token from
 * {@link FcmAccessTokens}): Android priority high, a TTL up to the notification's expiry, {@code collapse_key} and
 * notification {@code tag} per chat, a localizable title and the message reference as data, no body.
 */
final class FcmPushSender implements PushSender {

    /** The notification title's localization key; the app's strings.xml holds the text, its one argument the count. */
    static final String TITLE_KEY = "parley_new_message";
    /** FCM's answers for a token that will never work again for this sender. */
    private static final Set<String> DEAD_TOKEN = Set.of("UNREGISTERED", "SENDER_ID_MISMATCH");

    private final WebClient http;
    private final URI sendUri;
    private final FcmAccessTokens tokens;
    private final Clock clock;
    private final Duration timeout;

    FcmPushSender(WebClient http, URI endpoint, String projectId, FcmAccessTokens tokens, Clock clock, Duration timeout) {
        this.http = http;
        this.sendUri = URI.create(endpoint.toString().replaceAll("/+$", "") + "/v1/projects/" + projectId + "/messages:send");
        this.tokens = tokens;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public Platform platform() {
        return Platform.FCM;
    }

    @Override
    public Mono<SendOutcome> send(PushToken token, Notification notification) {
        return post(message(((PushToken.Fcm) token).registrationToken(), notification));
    }

    @Override
    public boolean clears() {
        return true;
    }

    /** A data-only message (the app cancels the notification with the tag), collapsing onto a still queued push. */
    @Override
    public Mono<SendOutcome> clear(PushToken token, ChatClear clear) {
        long ttlSeconds = Math.max(0, Duration.between(clock.instant(), clear.expiresAt()).toSeconds());
        return post(Map.of("message", Map.of(
                "token", ((PushToken.Fcm) token).registrationToken(),
                "data", Map.of("type", "clear", "chat_id", clear.chatId(), "read_up_to_seq",
                        Long.toString(clear.readUpToSeq()), "tag", clear.collapseKey()),
                "android", Map.of("priority", "NORMAL", "ttl", ttlSeconds + "s", "collapse_key", clear.collapseKey()))));
    }

    private Mono<SendOutcome> post(Map<String, Object> message) {
        return tokens.current()
                .flatMap(bearer -> http.post().uri(sendUri)
                        .headers(headers -> headers.setBearerAuth(bearer))
                        .bodyValue(message)
                        .exchangeToMono(this::outcome))
                .timeout(timeout)
                .onErrorResume(failure -> Mono.just(new SendOutcome.RetryLater("FCM unreachable: " + failure, Duration.ZERO)));
    }

    Map<String, Object> message(String registrationToken, Notification notification) {
        long ttlSeconds = Math.max(0, Duration.between(clock.instant(), notification.expiresAt()).toSeconds());
        return Map.of("message", Map.of(
                "token", registrationToken,
                "data", data(notification),
                "android", Map.of(
                        "priority", "HIGH",
                        "ttl", ttlSeconds + "s",
                        "collapse_key", notification.collapseKey(),
                        "notification", androidNotification(notification))));
    }

    /** Tagged per chat, titled with the count; the body only for a user who allowed previews of plain text. */
    private static Map<String, Object> androidNotification(Notification notification) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("tag", notification.collapseKey());
        shown.put("title_loc_key", TITLE_KEY);
        shown.put("title_loc_args", List.of(Integer.toString(notification.messages())));
        if (!notification.preview().isEmpty()) {
            shown.put("body", notification.preview());
        }
        return shown;
    }

    /** FCM data values are strings; a group's name only when there is one. */
    private static Map<String, String> data(Notification notification) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("type", "new_message");
        data.put("chat_id", notification.chatId());
        data.put("message_id", notification.messageId());
        data.put("seq", Long.toString(notification.seq()));
        data.put("sender_user_id", notification.senderUserId());
        data.put("count", Integer.toString(notification.messages()));
        if (!notification.chatName().isEmpty()) {
            data.put("chat_name", notification.chatName());
        }
        return data;
    }

    private Mono<SendOutcome> outcome(ClientResponse response) {
        int status = response.statusCode().value();
        if (response.statusCode().is2xxSuccessful()) {
            return response.releaseBody().thenReturn(new SendOutcome.Delivered());
        }
        Duration retryAfter = RetryAfter.of(response.headers().asHttpHeaders(), clock);
        return response.bodyToMono(FcmError.class)
                .onErrorReturn(FcmError.NONE)
                .defaultIfEmpty(FcmError.NONE)
                .map(error -> outcome(status, error.code(), retryAfter));
    }

    SendOutcome outcome(int status, String code, Duration retryAfter) {
        String reason = status + " " + code;
        if (DEAD_TOKEN.contains(code) || status == 404) {
            return new SendOutcome.TokenDead(reason);
        }
        if (status == 401) {
            tokens.invalidate();
            return new SendOutcome.RetryLater(reason, Duration.ZERO);
        }
        if (status == 429 || status >= 500) {
            return new SendOutcome.RetryLater(reason, retryAfter);
        }
        return new SendOutcome.Rejected(reason);
    }
}
