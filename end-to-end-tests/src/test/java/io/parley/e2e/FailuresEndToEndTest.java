package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.client.ChatIds;
import io.parley.client.Sent;
import io.parley.e2e.support.Accounts;
import io.parley.e2e.support.Device;
import io.parley.e2e.support.History;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.ServerFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/** Crashes and outages mid-stream: nothing acknowledged is lost, nothing is duplicated, order holds. */
@Order(3)
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailuresEndToEndTest extends EndToEndTest {

    private static final Duration RECOVERY = Duration.ofSeconds(120);

    @Test
    @Order(1)
    void whenTheGatewayHoldingBobDiesHeReconnectsElsewhereAndMissesNothing() {
        Accounts.Account alice = accounts.register("alice");
        Accounts.Account bob = accounts.register("bob");
        String chat = ChatIds.direct(alice.userId(), bob.userId());
        Device alicesPhone = connect(accounts.login(alice, "phone"), gateway(1));
        Device bobsPhone = connect(accounts.login(bob, "phone"), gateway(0), gateway(1));
        String firstGateway = bobsPhone.gateway();

        try {
            List<CompletableFuture<Sent>> sends = new ArrayList<>();
            for (int i = 1; i <= 100; i++) {
                sends.add(alicesPhone.sendText(chat, "m" + i));
                if (i == 30) {
                    await().atMost(RECOVERY).until(() -> bobsPhone.messagesIn(chat).size() >= 10);
                    system.killGateway(0);
                }
                pause(20);
            }
            sends.forEach(CompletableFuture::join);

            await().atMost(RECOVERY).until(() -> bobsPhone.messagesIn(chat).size() >= 100);
            assertThat(bobsPhone.gateway()).isNotEqualTo(firstGateway);
            assertThat(bobsPhone.messagesIn(chat)).extracting(ServerFrame.Message::seq)
                    .containsExactlyElementsOf(MessagingEndToEndTest.seqs(1, 100));
            assertThat(bobsPhone.messagesIn(chat)).extracting(ServerFrame.Message::text).containsExactlyElementsOf(texts(100));
        } finally {
            // The later tests use both gateways, whatever became of this one.
            system.restartGateway(0);
        }
    }

    @Test
    @Order(2)
    void whenAChatServiceIsKilledAndRestartedSequencesContinueWithoutGapOrDuplicate() {
        Accounts.Account alice = accounts.register("alice");
        Accounts.Account bob = accounts.register("bob");
        String chat = ChatIds.direct(alice.userId(), bob.userId());
        Device alicesPhone = connect(accounts.login(alice, "phone"), gateway(0));
        Device bobsPhone = connect(accounts.login(bob, "phone"), gateway(1));

        List<CompletableFuture<Sent>> sends = new ArrayList<>();
        CompletableFuture<Void> restarted = null;
        for (int i = 1; i <= 60; i++) {
            sends.add(alicesPhone.sendText(chat, "m" + i));
            if (i == 20) {
                system.killChatService(0);
                restarted = CompletableFuture.runAsync(() -> system.restartChatService(0));
            }
            pause(20);
        }
        // The other instance carries on meanwhile; the checks below include the restarted one's share of the work.
        restarted.orTimeout(6, TimeUnit.MINUTES).join();
        List<Sent> sent = sends.stream().map(send -> send.orTimeout(4, TimeUnit.MINUTES).join()).toList();

        assertThat(sent).extracting(Sent::messageId).doesNotHaveDuplicates();
        await().atMost(RECOVERY).until(() -> bobsPhone.messagesIn(chat).size() >= 60);
        assertThat(bobsPhone.messagesIn(chat)).extracting(ServerFrame.Message::seq)
                .containsExactlyElementsOf(MessagingEndToEndTest.seqs(1, 60));
        assertThat(bobsPhone.messagesIn(chat)).extracting(ServerFrame.Message::messageId)
                .containsExactlyInAnyOrderElementsOf(sent.stream().map(Sent::messageId).toList());
        assertThat(history.all(bobsPhone.login, chat)).extracting(History.StoredMessage::seq)
                .containsExactlyElementsOf(MessagingEndToEndTest.seqs(1, 60));
    }

    @Test
    @Order(3)
    void withKafkaDownASendIsNotAcknowledgedAndItsRetryAfterwardsMakesExactlyOneMessage() {
        Accounts.Account alice = accounts.register("alice");
        Accounts.Account bob = accounts.register("bob");
        String chat = ChatIds.direct(alice.userId(), bob.userId());
        Device alicesPhone = connect(accounts.login(alice, "phone"), gateway(0));
        Device bobsPhone = connect(accounts.login(bob, "phone"), gateway(1));
        alicesPhone.send("before-outage", chat, "before").join();

        system.infrastructure().kafka().stop();
        CompletableFuture<Sent> duringOutage;
        try {
            duringOutage = alicesPhone.send("during-outage", chat, "during");
            await().atMost(RECOVERY).until(() -> alicesPhone.errors.stream()
                    .anyMatch(error -> "during-outage".equals(error.ref()) && error.code() == ErrorCode.UNAVAILABLE));
            assertThat(alicesPhone.errors).filteredOn(error -> "during-outage".equals(error.ref()))
                    .allSatisfy(error -> assertThat(error.retriable()).isTrue());
            assertThat(duringOutage).isNotDone();
            assertThat(alicesPhone.sentFramesFor("during-outage")).isZero();
        } finally {
            system.infrastructure().kafka().start();
        }

        Sent sent = duringOutage.orTimeout(3, TimeUnit.MINUTES).join();
        assertThat(alicesPhone.sentFramesFor("during-outage")).isEqualTo(1);
        await().atMost(RECOVERY).until(() -> bobsPhone.messagesIn(chat).size() >= 2);
        assertThat(bobsPhone.messagesIn(chat)).extracting(ServerFrame.Message::clientMsgId)
                .containsExactly("before-outage", "during-outage");
        assertThat(bobsPhone.messagesIn(chat).get(1).messageId()).isEqualTo(sent.messageId());
        assertThat(history.all(bobsPhone.login, chat)).extracting(History.StoredMessage::clientMsgId)
                .containsExactly("before-outage", "during-outage");
    }

    private static List<String> texts(int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            texts.add("m" + i);
        }
        return texts;
    }

    /** Spaces the sends out over a few seconds, so a crash lands mid-stream. */
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
