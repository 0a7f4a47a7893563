package io.parley.push.apns;

import com.eatthepath.pushy.apns.DeliveryPriority;
import com.eatthepath.pushy.apns.PushNotificationResponse;
import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.util.SimpleApnsPayloadBuilder;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;
import io.parley.push.delivery.Notification;
import io.parley.push.delivery.PushSender;
import io.parley.push.delivery.SendOutcome;
import io.parley.push.tokens.Platform;
import io.parley.push.tokens.PushToken;
import java.time.Duration;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Pushes over APNs' HTTP/2 API: an alert ({@code apns-push-type: alert}, priority 10) with a localizable
 * "new message" text and no body, {@code apns-collapse-id} and {@code thread-id} per chat, expiring with the
 * notification, {@code mutable-content} so the app's notification service extension may fetch and decrypt the
 * message before it is shown.
 */
final class ApnsPushSender implements PushSender {

    /** The alert's localization key; the app's Localizable.strings holds the text, its one argument the count. */
    static final String ALERT_KEY = "PARLEY_NEW_MESSAGE";
    /** APNs' answers for a token that will never work again (410 is Unregistered / ExpiredToken). */
    private static final Set<String> DEAD_TOKEN = Set.of("BadDeviceToken", "Unregistered", "ExpiredToken", "DeviceTokenNotForTopic");

    private final ApnsClients clients;
    private final Duration sendTimeout;

    ApnsPushSender(ApnsClients clients, Duration sendTimeout) {
        this.clients = clients;
        this.sendTimeout = sendTimeout;
    }

    @Override
    public Platform platform() {
        return Platform.APNS;
    }

    @Override
    public Mono<SendOutcome> send(PushToken token, Notification notification) {
        PushToken.Apns apns = (PushToken.Apns) token;
        SimpleApnsPushNotification push = new SimpleApnsPushNotification(apns.deviceToken(), apns.topic(),
                payload(notification), notification.expiresAt(), DeliveryPriority.IMMEDIATE, PushType.ALERT,
                notification.collapseKey());
        return Mono.fromFuture(() -> clients.of(apns.sandbox()).sendNotification(push))
                .timeout(sendTimeout)
                .map(ApnsPushSender::outcome)
                .onErrorResume(failure -> Mono.just(new SendOutcome.RetryLater("APNs unreachable: " + failure, Duration.ZERO)));
    }

    static String payload(Notification notification) {
        SimpleApnsPayloadBuilder payload = new SimpleApnsPayloadBuilder();
        if (!notification.chatName().isEmpty()) {
            // A group's name as the alert's title, as messaging apps show it; it is not end-to-end encrypted.
            payload.setAlertTitle(notification.chatName()).addCustomProperty("chat_name", notification.chatName());
        }
        if (notification.preview().isEmpty()) {
            payload.setLocalizedAlertMessage(ALERT_KEY, Integer.toString(notification.messages()));
        } else {
            // Only for a user who allowed previews, and only plain text (never an end-to-end encrypted body).
            payload.setAlertBody(notification.preview());
        }
        return payload
                .setThreadId(notification.collapseKey())
                .setMutableContent(true)
                .setSound(SimpleApnsPayloadBuilder.DEFAULT_SOUND_FILENAME)
                .addCustomProperty("chat_id", notification.chatId())
                .addCustomProperty("message_id", notification.messageId())
                .addCustomProperty("seq", notification.seq())
                .addCustomProperty("sender_user_id", notification.senderUserId())
                .addCustomProperty("count", notification.messages())
                .build();
    }

    static SendOutcome outcome(PushNotificationResponse<?> response) {
        if (response.isAccepted()) {
            return new SendOutcome.Delivered();
        }
        int status = response.getStatusCode();
        String reason = status + " " + response.getRejectionReason().orElse("");
        if (status == 410 || response.getRejectionReason().filter(DEAD_TOKEN::contains).isPresent()) {
            return new SendOutcome.TokenDead(reason);
        }
        if (status == 429 || status >= 500) {
            return new SendOutcome.RetryLater(reason, Duration.ZERO);
        }
        return new SendOutcome.Rejected(reason);
    }
}
