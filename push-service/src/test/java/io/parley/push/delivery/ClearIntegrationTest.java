package io.parley.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.proto.chat.v1.ChatRead;
import io.parley.proto.chat.v1.PushRequest;
import io.parley.push.support.LocalApns;
import io.parley.push.support.LocalWebPush;
import io.parley.push.support.PushServiceIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A read on one device clears the chat's notification on the others, where the platform allows it. */
class ClearIntegrationTest extends PushServiceIntegrationTest {

    @Autowired
    private PushDelivery delivery;

    @Test
    void aReadOnTheLaptopClearsTheTabletsAndTheBrowsersNotificationOnce() {
        String bob = newId();
        String laptop = newId();
        String tabletToken = "fcm-" + UUID.randomUUID();
        LocalWebPush.Subscription browser = WEB_PUSH.subscribe();
        LocalWebPush.Subscription laptopBrowser = WEB_PUSH.subscribe();
        register(bob, newId(), Map.of("platform", "apns", "token", LocalApns.TOKEN, "topic", LocalApns.TOPIC))
                .expectStatus().isOk();
        register(bob, newId(), Map.of("platform", "fcm", "token", tabletToken)).expectStatus().isOk();
        subscribe(bob, newId(), browser);
        subscribe(bob, laptop, laptopBrowser);
        PushRequest message = pushRequest(bob, newId(), newMessageId(), 1);
        String chat = message.getEntry().getMessage().getChatId();
        produce(message);
        await().atMost(patience()).until(() -> FCM.acceptedTo(tabletToken).size() == 1
                && WEB_PUSH.receivedBy(browser.id()).size() == 1 && WEB_PUSH.receivedBy(laptopBrowser.id()).size() == 1);

        PushRequest read = readOn(bob, laptop, chat, 1);
        produce(read);

        await().atMost(patience()).until(() -> FCM.acceptedTo(tabletToken).size() == 2
                && WEB_PUSH.receivedBy(browser.id()).size() == 2);
        JsonNode clear = FCM.acceptedTo(tabletToken).get(1);
        assertThat(clear.has("notification")).isFalse();
        assertThat(clear.path("android").has("notification")).isFalse();
        assertThat(clear.path("android").path("collapse_key").asString())
                .isEqualTo(FCM.acceptedTo(tabletToken).get(0).path("android").path("collapse_key").asString());
        assertThat(clear.path("data").path("type").asString()).isEqualTo("clear");
        assertThat(clear.path("data").path("chat_id").asString()).isEqualTo(chat);
        LocalWebPush.Received browserClear = WEB_PUSH.receivedBy(browser.id()).get(1);
        assertThat(browserClear.plaintext()).contains("\"type\":\"clear\"", chat);
        assertThat(browserClear.topic()).isEqualTo(WEB_PUSH.receivedBy(browser.id()).get(0).topic());

        // The read device clears its own; APNs has no silent removal; a replayed read clears nothing more.
        produce(read);
        String later = newMessageId();
        produce(pushRequest(bob, newId(), later, 1));
        await().atMost(patience()).until(() -> !FCM.acceptedFor(later).isEmpty());
        assertThat(WEB_PUSH.receivedBy(laptopBrowser.id()).stream().filter(push -> push.plaintext().contains(chat))).hasSize(1);
        assertThat(APNS.acceptedMentioning(chat)).hasSize(1);
        assertThat(FCM.acceptedTo(tabletToken).stream().filter(m -> chat.equals(m.path("data").path("chat_id").asString())))
                .hasSize(2);
        assertThat(WEB_PUSH.receivedBy(browser.id()).stream().filter(push -> push.plaintext().contains(chat))).hasSize(2);
    }

    @Test
    void aReadDropsTheRequestTheCollapseWindowHolds() {
        String bob = newId();
        String token = "fcm-" + UUID.randomUUID();
        register(bob, newId(), Map.of("platform", "fcm", "token", token)).expectStatus().isOk();
        PushRequest second = firstPushedSecondHeld(bob, token);
        String chat = second.getEntry().getMessage().getChatId();

        produce(readOn(bob, newId(), chat, 2));

        // The window's end came and went without the held message: read, it is not pushed.
        await().atMost(patience()).until(() -> !windowHolds(bob, chat) && delivery.windowsHeld() == 0);
        List<JsonNode> sent = FCM.acceptedTo(token);
        assertThat(sent).extracting(m -> m.path("data").path("type").asString()).containsExactly("new_message", "clear");
        assertThat(FCM.acceptedFor(second.getEntry().getMessage().getMessageId())).isEmpty();
    }

    private static PushRequest readOn(String user, String device, String chat, long upToSeq) {
        return PushRequest.newBuilder().setUserId(user).setRequestedAtEpochMillis(System.currentTimeMillis())
                .setRead(ChatRead.newBuilder().setChatId(chat).setReadUpToSeq(upToSeq).setDeviceId(device)).build();
    }
}
