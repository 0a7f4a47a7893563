package io.parley.push.apns;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.pushy.apns.ApnsPushNotification;
import com.eatthepath.pushy.apns.PushNotificationResponse;
import io.parley.push.delivery.SendOutcome;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** APNs' answers (status, reason) and what push-service does with each. */
class ApnsOutcomeTest {

    @ParameterizedTest
    @CsvSource({
            "200, , Delivered",
            "410, Unregistered, TokenDead",
            "410, ExpiredToken, TokenDead",
            "400, BadDeviceToken, TokenDead",
            "400, DeviceTokenNotForTopic, TokenDead",
            "429, TooManyRequests, RetryLater",
            "500, InternalServerError, RetryLater",
            "503, ServiceUnavailable, RetryLater",
            "400, BadTopic, Rejected",
            "403, InvalidProviderToken, Rejected",
            "413, PayloadTooLarge, Rejected"})
    void mapsEveryAnswer(int status, String reason, String expected) {
        SendOutcome outcome = ApnsPushSender.outcome(response(status, reason));

        assertThat(outcome.getClass().getSimpleName()).isEqualTo(expected);
    }

    private static PushNotificationResponse<ApnsPushNotification> response(int status, String reason) {
        return new PushNotificationResponse<>() {
            @Override
            public ApnsPushNotification getPushNotification() {
                return null;
            }

            @Override
            public boolean isAccepted() {
                return status == 200;
            }

            @Override
            public UUID getApnsId() {
                return UUID.randomUUID();
            }

            @Override
            public int getStatusCode() {
                return status;
            }

            @Override
            public Optional<String> getRejectionReason() {
                return Optional.ofNullable(reason);
            }

            @Override
            public Optional<Instant> getTokenInvalidationTimestamp() {
                return Optional.empty();
            }
        };
    }
}
