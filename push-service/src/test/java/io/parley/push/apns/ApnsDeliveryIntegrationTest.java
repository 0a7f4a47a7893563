package io.parley.push.apns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eatthepath.pushy.apns.ApnsPushNotification;
import com.eatthepath.pushy.apns.DeliveryPriority;
import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.server.RejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.proto.chat.v1.PushRequest;
import io.parley.push.support.LocalApns;
import io.parley.push.support.PushServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** push-requests delivered over APNs' real HTTP/2 protocol to a local APNs (Pushy's mock server). */
class ApnsDeliveryIntegrationTest extends PushServiceIntegrationTest {

    @Autowired
    private MeterRegistry metrics;

    @Test
    void anOfflineIPhoneGetsOneAlertPerMessageCollapsedPerChatWithoutTheBody() {
        String bob = newId();
        String alice = newId();
        register(bob, newId(), Map.of("platform", "apns", "token", LocalApns.TOKEN, "topic", LocalApns.TOPIC))
                .expectStatus().isOk();
        String messageId = newMessageId();
        PushRequest request = pushRequest(bob, alice, messageId, 7);
        double deliveredBefore = delivered();

        produce(request);

        await().atMost(patience()).until(() -> !APNS.acceptedMentioning(messageId).isEmpty());
        await().atMost(patience()).until(() -> delivered() > deliveredBefore);
        ApnsPushNotification push = APNS.acceptedMentioning(messageId).get(0);
        String chatId = request.getEntry().getMessage().getChatId();
        assertThat(push.getToken()).isEqualTo(LocalApns.TOKEN);
        assertThat(push.getTopic()).isEqualTo(LocalApns.TOPIC);
        assertThat(push.getPushType()).isEqualTo(PushType.ALERT);
        assertThat(push.getPriority()).isEqualTo(DeliveryPriority.IMMEDIATE);
        assertThat(push.getCollapseId()).hasSize(22).doesNotContain(bob).doesNotContain(alice);
        assertThat(push.getExpiration()).isEqualTo(
                Instant.ofEpochMilli(request.getRequestedAtEpochMillis()).plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS));
        assertThat(push.getPayload())
                .contains("\"chat_id\":\"" + chatId + "\"", "\"sender_user_id\":\"" + alice + "\"", "\"seq\":7",
                        "\"loc-key\":\"" + ApnsPushSender.ALERT_KEY + "\"", "\"mutable-content\":1", "\"count\":1")
                .doesNotContain("never pushed");

        String next = newMessageId();
        produce(pushRequest(bob, alice, next, 8));
        await().atMost(patience()).until(() -> !APNS.acceptedMentioning(next).isEmpty());
        assertThat(APNS.acceptedMentioning(next).get(0).getCollapseId()).isEqualTo(push.getCollapseId());
    }

    private double delivered() {
        Counter counter = metrics.find("parley.push.notifications").tags("platform", "apns", "outcome", "delivered").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void sandboxTokensArePushedAndTheUsersOwnMessagesAreNot() {
        String bob = newId();
        register(bob, newId(), Map.of("platform", "apns", "token", LocalApns.SANDBOX_TOKEN, "topic", LocalApns.TOPIC,
                "sandbox", true)).expectStatus().isOk();
        String own = newMessageId();
        String fromAlice = newMessageId();

        produce(pushRequest(bob, bob, own, 1));
        produce(pushRequest(bob, newId(), fromAlice, 2));

        // Same user, same partition: once the later request is pushed, the earlier one was handled.
        await().atMost(patience()).until(() -> !APNS.acceptedMentioning(fromAlice).isEmpty());
        assertThat(APNS.acceptedMentioning(own)).isEmpty();
    }

    @Test
    void anUnregisteredTokenIsRemovedFromTheRegistry() {
        String bob = newId();
        String phone = newId();
        register(bob, phone, Map.of("platform", "apns", "token", LocalApns.UNREGISTERED_TOKEN, "topic", LocalApns.TOPIC))
                .expectStatus().isOk();

        produce(pushRequest(bob, newId(), newMessageId(), 1));

        await().atMost(patience()).until(() -> !hasToken(bob, phone));
    }

    @Test
    void aTokenNotForTheAppsTopicIsRemovedFromTheRegistry() {
        String bob = newId();
        String phone = newId();
        register(bob, phone, Map.of("platform", "apns", "token", LocalApns.UNKNOWN_TOKEN, "topic", LocalApns.TOPIC))
                .expectStatus().isOk();
        String messageId = newMessageId();

        produce(pushRequest(bob, newId(), messageId, 1));

        await().atMost(patience()).until(() -> !hasToken(bob, phone));
        assertThat(APNS.rejectedMentioning(messageId)).extracting(LocalApns.Rejection::reason)
                .containsExactly(RejectionReason.DEVICE_TOKEN_NOT_FOR_TOPIC);
    }

    @Test
    void aThrottledPushIsRetriedWithBackOffAndDeliveredOnce() {
        String bob = newId();
        register(bob, newId(), Map.of("platform", "apns", "token", LocalApns.THROTTLED_TOKEN, "topic", LocalApns.TOPIC))
                .expectStatus().isOk();
        String messageId = newMessageId();
        APNS.throttle(LocalApns.THROTTLED_TOKEN, 2);

        produce(pushRequest(bob, newId(), messageId, 1));

        await().atMost(patience()).until(() -> !APNS.acceptedMentioning(messageId).isEmpty());
        assertThat(APNS.rejectedMentioning(messageId)).extracting(LocalApns.Rejection::reason)
                .containsExactly(RejectionReason.TOO_MANY_REQUESTS, RejectionReason.TOO_MANY_REQUESTS);
        assertThat(APNS.acceptedMentioning(messageId)).hasSize(1);
    }

    @Test
    void aReplayedRequestIsNotPushedTwiceToTheSameDevice() {
        String bob = newId();
        String alice = newId();
        register(bob, newId(), Map.of("platform", "apns", "token", LocalApns.TOKEN, "topic", LocalApns.TOPIC))
                .expectStatus().isOk();
        String messageId = newMessageId();
        PushRequest request = pushRequest(bob, alice, messageId, 1);
        produce(request);
        await().atMost(patience()).until(() -> !APNS.acceptedMentioning(messageId).isEmpty());

        // What a crash after the push and before the offset commit replays, then a later request behind it.
        produce(request);
        produce(request);
        String later = newMessageId();
        produce(pushRequest(bob, alice, later, 2));

        await().atMost(patience()).until(() -> !APNS.acceptedMentioning(later).isEmpty());
        List<ApnsPushNotification> pushes = APNS.acceptedMentioning(messageId);
        assertThat(pushes).hasSize(1);
    }
}
