package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eatthepath.pushy.apns.ApnsPushNotification;
import io.parley.client.ChatIds;
import io.parley.client.Sent;
import io.parley.e2e.support.Accounts;
import io.parley.e2e.support.Device;
import io.parley.e2e.support.Pushes;
import io.parley.protocol.ReceiptKind;
import io.parley.push.support.LocalApns;
import io.parley.push.support.LocalFcm;
import io.parley.push.support.LocalWebPush;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Push notifications through the whole system: chat-service decides which of Bob's devices need a push (and tells of
 * his reads), push-service delivers them (and clears after a read) to local APNs (Pushy's mock server, HTTP/2 over
 * TLS), FCM (OAuth2 and messages:send) and Web Push (VAPID checked, payload decrypted with the browser's keys) started
 * in this JVM.
 */
@Order(2)
@Timeout(300)
class PushEndToEndTest extends EndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final LocalApns APNS = LocalApns.instance();
    private static final LocalFcm FCM = LocalFcm.instance();
    private static final LocalWebPush WEB_PUSH = LocalWebPush.instance();
    private static Pushes pushes;

    @BeforeAll
    static void pushService() {
        pushes = new Pushes(system.pushService(Map.ofEntries(
                Map.entry("PARLEY_PUSH_APNS_TEAMID", LocalApns.TEAM_ID),
                Map.entry("PARLEY_PUSH_APNS_KEYID", LocalApns.KEY_ID),
                Map.entry("PARLEY_PUSH_APNS_SIGNINGKEY", APNS.signingKeyPem()),
                Map.entry("PARLEY_PUSH_APNS_PRODUCTIONHOST", "localhost"),
                Map.entry("PARLEY_PUSH_APNS_SANDBOXHOST", "localhost"),
                Map.entry("PARLEY_PUSH_APNS_PORT", Integer.toString(APNS.port())),
                Map.entry("PARLEY_PUSH_APNS_TRUSTEDCERTIFICATES", APNS.certificate().toString()),
                Map.entry("PARLEY_PUSH_FCM_SERVICEACCOUNT", FCM.serviceAccountJson()),
                Map.entry("PARLEY_PUSH_FCM_ENDPOINT", FCM.endpoint()),
                Map.entry("PARLEY_PUSH_WEBPUSH_PUBLICKEY", WEB_PUSH.vapidPublicKey()),
                Map.entry("PARLEY_PUSH_WEBPUSH_PRIVATEKEY", WEB_PUSH.vapidPrivateKey()),
                Map.entry("PARLEY_PUSH_TOKENS_ALLOWPLAINHTTPENDPOINTS", "true"),
                Map.entry("PARLEY_PUSH_TOKENS_WEBPUSHHOSTS", "127.0.0.1"))));
    }

    @Test
    void bobsOfflineDevicesAreEachPushedWithoutTheBodyAndWhileHeIsAtHisLaptopOnlyTheOthersAreAndHisReadClearsThem() {
        Accounts.Account alice = accounts.register("alice");
        Accounts.Account bob = accounts.register("bob");
        String chat = ChatIds.direct(alice.userId(), bob.userId());
        Accounts.SignedInDevice iPhone = accounts.login(bob, "iphone");
        Accounts.SignedInDevice tablet = accounts.login(bob, "android tablet");
        Accounts.SignedInDevice browser = accounts.login(bob, "browser");
        Accounts.SignedInDevice laptop = accounts.login(bob, "laptop");
        String tabletToken = "fcm-" + UUID.randomUUID();
        LocalWebPush.Subscription browserSubscription = WEB_PUSH.subscribe();
        LocalWebPush.Subscription laptopSubscription = WEB_PUSH.subscribe();
        pushes.register(iPhone, Map.of("platform", "apns", "token", LocalApns.TOKEN, "topic", LocalApns.TOPIC));
        pushes.register(tablet, Map.of("platform", "fcm", "token", tabletToken));
        subscribe(browser, browserSubscription);
        subscribe(laptop, laptopSubscription);
        Device alicesPhone = connect(accounts.login(alice, "phone"), gateway(0));

        // Bob has no device online: every device with a token is pushed, once, without the text.
        String secret = "the text stays on the server " + UUID.randomUUID();
        Sent first = alicesPhone.sendText(chat, secret).join();

        await().atMost(PATIENCE).until(() -> APNS.acceptedMentioning(first.messageId()).size() == 1
                && FCM.acceptedFor(first.messageId()).size() == 1 && pushesTo(browserSubscription).size() == 1
                && pushesTo(laptopSubscription).size() == 1);
        ApnsPushNotification apns = APNS.acceptedMentioning(first.messageId()).get(0);
        assertThat(apns.getPayload()).contains(chat, alice.userId(), "\"count\":1").doesNotContain(secret);
        JsonNode fcm = FCM.acceptedFor(first.messageId()).get(0);
        assertThat(fcm.path("token").asString()).isEqualTo(tabletToken);
        assertThat(fcm.path("data").path("chat_id").asString()).isEqualTo(chat);
        assertThat(fcm.toString()).doesNotContain(secret);
        assertThat(pushesTo(browserSubscription).get(0)).contains(first.messageId(), chat, alice.userId()).doesNotContain(secret);
        assertThat(APNS.acceptedMentioning(chat)).hasSize(1);
        assertThat(FCM.acceptedTo(tabletToken)).hasSize(1);

        // The phone syncs once (chat-service learns of it when it acknowledges), then goes offline again.
        try (Device phoneOnce = Device.connect(iPhone, gateway(1))) {
            await().atMost(PATIENCE).until(() -> alicesPhone.receiptWatermark(chat, bob.userId(), ReceiptKind.DELIVERED)
                    >= seqOf(alicesPhone, chat, first));
        }
        // Bob at his laptop only: the laptop takes the message live and is not pushed; his other devices are.
        Device atTheLaptop = connect(laptop, gateway(1));
        Sent second = alicesPhone.sendText(chat, "while you are at the laptop").join();
        await().atMost(PATIENCE).until(() -> atTheLaptop.messagesIn(chat).stream().anyMatch(m -> m.messageId().equals(second.messageId())));
        await().atMost(PATIENCE).until(() -> APNS.acceptedMentioning(second.messageId()).size() == 1
                && FCM.acceptedFor(second.messageId()).size() == 1
                && pushesTo(browserSubscription).stream().anyMatch(push -> push.contains(second.messageId())));
        // The laptop's outcome (reached live) was decided in the same delivery as the others'.
        assertThat(pushesTo(laptopSubscription)).hasSize(1).noneMatch(push -> push.contains(second.messageId()));

        // Bob reads the chat on the laptop before the push goes out (chat-service holds it while a device is online):
        // no push. A later message, not read, is pushed after it, so by then the read one would have been.
        Sent third = alicesPhone.sendText(chat, "read at once").join();
        await().atMost(PATIENCE).until(() -> atTheLaptop.messagesIn(chat).stream().anyMatch(m -> m.messageId().equals(third.messageId())));
        long thirdSeq = seqOf(atTheLaptop, chat, third);
        atTheLaptop.markRead(chat, thirdSeq);
        await().atMost(PATIENCE).until(() -> alicesPhone.receiptWatermark(chat, bob.userId(), ReceiptKind.READ) >= thirdSeq);
        // The read clears the chat's notification on the tablet and the browser; not on the laptop, which read, nor on
        // the iPhone: APNs has no silent removal.
        await().atMost(PATIENCE).until(() -> FCM.acceptedTo(tabletToken).stream()
                        .anyMatch(message -> "clear".equals(message.path("data").path("type").asString()))
                && pushesTo(browserSubscription).stream().anyMatch(push -> push.contains("\"type\":\"clear\"")));
        assertThat(pushesTo(laptopSubscription)).noneMatch(push -> push.contains("\"type\":\"clear\""));
        Sent fourth = alicesPhone.sendText(chat, "not read").join();
        await().atMost(PATIENCE).until(() -> !APNS.acceptedMentioning(fourth.messageId()).isEmpty());
        assertThat(APNS.acceptedMentioning(third.messageId())).isEmpty();
        assertThat(FCM.acceptedFor(third.messageId())).isEmpty();
    }

    /** The chat seq of a message the device received (a sender's own devices receive its messages too). */
    private static long seqOf(Device device, String chat, Sent sent) {
        await().atMost(PATIENCE).until(() -> device.messagesIn(chat).stream().anyMatch(m -> m.messageId().equals(sent.messageId())));
        return device.messagesIn(chat).stream().filter(m -> m.messageId().equals(sent.messageId())).findFirst().orElseThrow().seq();
    }

    private static void subscribe(Accounts.SignedInDevice device, LocalWebPush.Subscription subscription) {
        pushes.register(device, Map.of("platform", "web_push", "endpoint", subscription.endpoint(), "keys",
                Map.of("p256dh", subscription.keys().publicKeyBase64Url(), "auth", subscription.keys().authBase64Url())));
    }

    private static List<String> pushesTo(LocalWebPush.Subscription subscription) {
        return WEB_PUSH.receivedBy(subscription.id()).stream().map(LocalWebPush.Received::plaintext).toList();
    }
}
