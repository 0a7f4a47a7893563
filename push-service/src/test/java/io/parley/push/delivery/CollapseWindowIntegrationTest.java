package io.parley.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eatthepath.pushy.apns.ApnsPushNotification;
import io.parley.proto.chat.v1.PushRequest;
import io.parley.push.support.LocalApns;
import io.parley.push.support.LocalWebPush;
import io.parley.push.support.PushServiceIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * The collapse window across batches: a chat's first message is pushed at once, the rest of the window is held (in
 * Cassandra) and pushed as one notification with the count at its end, replacing the first on the device.
 */
class CollapseWindowIntegrationTest extends PushServiceIntegrationTest {

    private static final Duration WINDOW = Duration.ofSeconds(COLLAPSE_WINDOW_SECONDS);

    @Autowired
    private PushDelivery delivery;

    @Test
    void twentyMessagesInTwoSecondsArePushedOnceAtOnceAndOnceWithTheCountToEachDevice() {
        String bob = newId();
        String fcmToken = "fcm-" + UUID.randomUUID();
        LocalWebPush.Subscription browser = WEB_PUSH.subscribe();
        // An iPhone, an Android tablet and a browser, all offline.
        for (Map<String, ?> device : List.of(Map.of("platform", "apns", "token", LocalApns.TOKEN, "topic", LocalApns.TOPIC),
                Map.of("platform", "fcm", "token", fcmToken))) {
            register(bob, newId(), device).expectStatus().isOk();
        }
        subscribe(bob, newId(), browser);
        String alice = newId();
        List<PushRequest> burst = IntStream.range(0, 20).mapToObj(i -> pushRequest(bob, alice, newMessageId(), i + 1)).toList();
        String chat = burst.get(0).getEntry().getMessage().getChatId();
        String first = burst.get(0).getEntry().getMessage().getMessageId();
        String newest = burst.get(19).getEntry().getMessage().getMessageId();

        produceSpaced(Duration.ofMillis(100), burst);

        await().atMost(patience()).until(() -> APNS.acceptedMentioning(newest).size() == 1
                && FCM.acceptedFor(newest).size() == 1 && webPushes(browser).stream().anyMatch(push -> push.contains(newest)));
        // Held requests are only pushed at a window's end, so nothing more can come for these 20 after the newest.
        List<ApnsPushNotification> apns = APNS.acceptedMentioning(chat);
        assertThat(apns).hasSize(2).extracting(ApnsPushNotification::getCollapseId).containsOnly(apns.get(0).getCollapseId());
        assertThat(apns.get(0).getPayload()).contains(first, "\"count\":1");
        assertThat(apns.get(1).getPayload()).contains(newest, "\"count\":20");

        List<JsonNode> fcm = FCM.acceptedTo(fcmToken);
        assertThat(fcm).hasSize(2).extracting(message -> message.path("android").path("collapse_key").asString())
                .containsOnly(apns.get(0).getCollapseId());
        assertThat(fcm.get(0).path("data").path("message_id").asString()).isEqualTo(first);
        assertThat(fcm.get(1).path("data").path("message_id").asString()).isEqualTo(newest);
        assertThat(fcm.get(1).path("data").path("count").asString()).isEqualTo("20");

        List<String> webPush = webPushes(browser);
        assertThat(webPush).hasSize(2);
        assertThat(webPush.get(0)).contains(first, "\"count\":1");
        assertThat(webPush.get(1)).contains(newest, "\"count\":20");
        assertThat(WEB_PUSH.receivedBy(browser.id())).extracting(LocalWebPush.Received::topic)
                .containsOnly(apns.get(0).getCollapseId());
    }

    @Test
    void aWindowHeldWhenTheConsumerStopsIsPushedOnceByTheNextConsumerOfItsPartition(
            @Autowired KafkaListenerEndpointRegistry listeners) {
        String bob = newId();
        String token = "fcm-" + UUID.randomUUID();
        register(bob, newId(), Map.of("platform", "fcm", "token", token)).expectStatus().isOk();
        PushRequest second = firstPushedSecondHeld(bob, token);
        String chat = second.getEntry().getMessage().getChatId();

        // What a crash loses is the timer in memory; the held request is in Cassandra and its offset committed.
        MessageListenerContainer consumer = listeners.getListenerContainer("push-requests");
        consumer.stop();
        try {
            await().during(WINDOW.plusSeconds(2)).atMost(WINDOW.plusSeconds(10)).until(() -> FCM.acceptedTo(token).size() == 1);
        } finally {
            consumer.start();
        }

        await().atMost(patience()).until(() -> FCM.acceptedTo(token).size() >= 2);
        await().atMost(patience()).until(() -> !windowHolds(bob, chat) && delivery.windowsHeld() == 0);
        List<JsonNode> pushes = FCM.acceptedTo(token);
        assertThat(pushes).hasSize(2);
        assertThat(pushes.get(1).path("data").path("message_id").asString()).isEqualTo(second.getEntry().getMessage().getMessageId());
        assertThat(pushes.get(1).path("data").path("count").asString()).isEqualTo("2");
    }

    private List<String> webPushes(LocalWebPush.Subscription browser) {
        return WEB_PUSH.receivedBy(browser.id()).stream().map(LocalWebPush.Received::plaintext).toList();
    }
}
