package io.parley.push.fcm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.proto.chat.v1.PushRequest;
import io.parley.push.support.LocalFcm;
import io.parley.push.support.PushServiceIntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** push-requests delivered through FCM HTTP v1 to a local FCM that speaks Google's OAuth2 and FCM's real bodies. */
class FcmDeliveryIntegrationTest extends PushServiceIntegrationTest {

    @Test
    void anOfflineAndroidGetsAHighPriorityMessageCollapsedPerChatWithoutTheBody() {
        String bob = newId();
        String alice = newId();
        String token = "fcm-" + UUID.randomUUID();
        register(bob, newId(), Map.of("platform", "fcm", "token", token)).expectStatus().isOk();
        String messageId = newMessageId();
        PushRequest request = pushRequest(bob, alice, messageId, 3);

        produce(request);

        await().atMost(patience()).until(() -> !FCM.acceptedFor(messageId).isEmpty());
        JsonNode message = FCM.acceptedFor(messageId).get(0);
        assertThat(message.path("token").asString()).isEqualTo(token);
        assertThat(message.path("data").path("chat_id").asString()).isEqualTo(request.getEntry().getMessage().getChatId());
        assertThat(message.path("data").path("sender_user_id").asString()).isEqualTo(alice);
        assertThat(message.path("data").path("seq").asString()).isEqualTo("3");
        assertThat(message.path("data").path("count").asString()).isEqualTo("1");
        JsonNode android = message.path("android");
        assertThat(android.path("priority").asString()).isEqualTo("HIGH");
        assertThat(android.path("collapse_key").asString()).hasSize(22)
                .isEqualTo(android.path("notification").path("tag").asString());
        assertThat(android.path("notification").path("title_loc_key").asString()).isEqualTo(FcmPushSender.TITLE_KEY);
        assertThat(Long.parseLong(android.path("ttl").asString().replace("s", ""))).isBetween(1L, 86_400L);
        assertThat(message.toString()).doesNotContain("never pushed");
    }

    @Test
    void theDevicesChatServiceReachedLiveAreNotPushedAndTheNotificationNamesTheGroupAndCountsUnread() {
        String bob = newId();
        String phone = "fcm-" + UUID.randomUUID();
        String laptop = newId();
        String laptopToken = "fcm-" + UUID.randomUUID();
        register(bob, newId(), Map.of("platform", "fcm", "token", phone)).expectStatus().isOk();
        register(bob, laptop, Map.of("platform", "fcm", "token", laptopToken)).expectStatus().isOk();
        String whileOnline = newMessageId();
        String later = newMessageId();

        produce(pushRequest(bob, newId(), whileOnline, 1).toBuilder().addReachedDeviceIds(laptop).setChatName("Climbing")
                .setUnreadInChat(5).build());
        produce(pushRequest(bob, newId(), later, 2));

        // One partition per user: once the later request reached both devices, the first one was done.
        await().atMost(patience()).until(() -> FCM.acceptedFor(later).size() == 2);
        assertThat(FCM.acceptedFor(whileOnline)).extracting(message -> message.path("token").asString()).containsExactly(phone);
        assertThat(FCM.acceptedFor(whileOnline).get(0).path("data").path("chat_name").asString()).isEqualTo("Climbing");
        // Five unread in the chat, of which this batch brought one: the notification says five.
        assertThat(FCM.acceptedFor(whileOnline).get(0).path("data").path("count").asString()).isEqualTo("5");
        assertThat(FCM.acceptedFor(later).get(0).path("data").has("chat_name")).isFalse();
    }

    @Test
    void anUnregisteredTokenIsRemovedFromTheRegistry() {
        String bob = newId();
        String tablet = newId();
        register(bob, tablet, Map.of("platform", "fcm", "token", LocalFcm.UNREGISTERED_TOKEN)).expectStatus().isOk();

        produce(pushRequest(bob, newId(), newMessageId(), 1));

        await().atMost(patience()).until(() -> !hasToken(bob, tablet));
    }

    @Test
    void quotaExceededIsRetriedNoSoonerThanRetryAfterAndDeliveredOnce() {
        String bob = newId();
        String token = "fcm-" + UUID.randomUUID();
        register(bob, newId(), Map.of("platform", "fcm", "token", token)).expectStatus().isOk();
        FCM.throttle(token, 1, 2);
        String messageId = newMessageId();

        produce(pushRequest(bob, newId(), messageId, 1));

        await().atMost(patience()).until(() -> !FCM.acceptedFor(messageId).isEmpty());
        assertThat(FCM.refusals(token)).containsExactly(token + " 429");
        assertThat(FCM.refusalToAcceptance(token)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(FCM.acceptedFor(messageId)).hasSize(1);
    }

    @Test
    void anInvalidArgumentKeepsTheTokenAndTheAccessTokenIsReused() {
        String bob = newId();
        String device = newId();
        register(bob, device, Map.of("platform", "fcm", "token", LocalFcm.INVALID_TOKEN)).expectStatus().isOk();
        String other = newId();
        String otherToken = "fcm-" + UUID.randomUUID();
        register(other, newId(), Map.of("platform", "fcm", "token", otherToken)).expectStatus().isOk();

        produce(pushRequest(bob, newId(), newMessageId(), 1));
        String later = newMessageId();
        produce(pushRequest(other, newId(), later, 1));
        await().atMost(patience()).until(() -> !FCM.refusals(LocalFcm.INVALID_TOKEN).isEmpty() && !FCM.acceptedFor(later).isEmpty());

        assertThat(hasToken(bob, device)).isTrue();
        assertThat(FCM.tokenExchanges()).isEqualTo(1);
    }
}
