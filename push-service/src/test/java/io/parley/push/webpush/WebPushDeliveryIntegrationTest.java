package io.parley.push.webpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.proto.chat.v1.PushRequest;
import io.parley.push.support.LocalWebPush;
import io.parley.push.support.PushServiceIntegrationTest;
import org.junit.jupiter.api.Test;

/** push-requests delivered to a local push service that checks VAPID and decrypts the payload as the browser does. */
class WebPushDeliveryIntegrationTest extends PushServiceIntegrationTest {

    @Test
    void anOfflineBrowserReceivesTheEncryptedReferenceCollapsedPerChatWithoutTheBody() {
        String bob = newId();
        String alice = newId();
        LocalWebPush.Subscription browser = WEB_PUSH.subscribe();
        subscribe(bob, newId(), browser);
        String messageId = newMessageId();
        PushRequest request = pushRequest(bob, alice, messageId, 5);

        produce(request);

        await().atMost(patience()).until(() -> !WEB_PUSH.receivedBy(browser.id()).isEmpty());
        LocalWebPush.Received push = WEB_PUSH.receivedBy(browser.id()).get(0);
        assertThat(push.plaintext())
                .contains("\"chat_id\":\"" + request.getEntry().getMessage().getChatId() + "\"",
                        "\"message_id\":\"" + messageId + "\"", "\"sender_user_id\":\"" + alice + "\"", "\"seq\":5", "\"count\":1")
                .doesNotContain("never pushed");
        assertThat(push.urgency()).isEqualTo("high");
        assertThat(push.topic()).hasSize(22);
        assertThat(Long.parseLong(push.ttl())).isBetween(1L, 86_400L);
        assertThat(WEB_PUSH.refusalsOf(browser.id())).isEmpty();
    }

    @Test
    void anUnsubscribedBrowserIsRemovedFromTheRegistry() {
        String bob = newId();
        String device = newId();
        LocalWebPush.Subscription browser = WEB_PUSH.subscribe();
        subscribe(bob, device, browser);
        WEB_PUSH.unsubscribe(browser.id());

        produce(pushRequest(bob, newId(), newMessageId(), 1));

        await().atMost(patience()).until(() -> !hasToken(bob, device));
        assertThat(WEB_PUSH.refusalsOf(browser.id())).containsExactly(browser.id() + " 410");
    }
}
