package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.client.ChatIds;
import io.parley.client.Sent;
import io.parley.e2e.support.Accounts;
import io.parley.e2e.support.Device;
import io.parley.e2e.support.History;
import io.parley.protocol.ServerFrame;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A rolling restart as Kubernetes does it (docs/deployment.md): while Alice sends at a steady rate, each of the two
 * gateways and then each of the two chat-services is stopped gracefully (SIGTERM) and started again, one at a time.
 * While one chat-service is down, the other takes the sends and, after the group's rebalance, its partitions. Nothing is lost or
 * duplicated, Bob sees the chat in order, and the longest pause in his deliveries is logged.
 */
@Order(4)
@Timeout(900)
class RollingRestartEndToEndTest extends EndToEndTest {

    private static final Duration RECOVERY = Duration.ofMinutes(4);
    private static final long SEND_INTERVAL_MILLIS = 200;

    @Test
    void aRollingRestartOfTwoGatewaysAndTwoChatServicesLosesAndDuplicatesNothing() throws InterruptedException {
        Accounts.Account alice = accounts.register("alice");
        Accounts.Account bob = accounts.register("bob");
        String chat = ChatIds.direct(alice.userId(), bob.userId());
        Device alicesPhone = connect(accounts.login(alice, "phone"), gateway(1), gateway(0));
        Device bobsPhone = connect(accounts.login(bob, "phone"), gateway(0), gateway(1));
        List<CompletableFuture<Sent>> sends = new CopyOnWriteArrayList<>();
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        List<Phase> phases = new CopyOnWriteArrayList<>();

        try {
            sender.scheduleAtFixedRate(() -> sends.add(alicesPhone.sendText(chat, "m" + (sends.size() + 1))),
                    0, SEND_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
            awaitDeliveries(bobsPhone, chat, 20);
            phases.add(inTurn("gateway 1 (Bob's)", () -> system.stopGateway(0), () -> system.restartGateway(0), bobsPhone, chat));
            phases.add(inTurn("gateway 2 (Alice's)", () -> system.stopGateway(1), () -> system.restartGateway(1), bobsPhone, chat));
            for (int i = 0; i < 2; i++) {
                int instance = i;
                phases.add(inTurn("chat-service " + (i + 1), () -> system.stopChatService(instance),
                        () -> system.restartChatService(instance), bobsPhone, chat));
            }
        } finally {
            sender.shutdown();
            sender.awaitTermination(10, TimeUnit.SECONDS);
            system.restartGateway(0);
            system.restartGateway(1);
            system.restartChatService(0);
            system.restartChatService(1);
        }
        List<Sent> sent = sends.stream().map(send -> send.orTimeout(4, TimeUnit.MINUTES).join()).toList();
        int count = sent.size();

        await().atMost(RECOVERY).until(() -> bobsPhone.messagesIn(chat).size() >= count);
        // Reported, not asserted (no wall-clock assertions): docs/performance.md quotes it.
        System.out.printf("Rolling restart: %d messages at %d msg/s%n", count, 1000 / SEND_INTERVAL_MILLIS);
        phases.forEach(phase -> System.out.printf("  restarting %s: longest pause between Bob's deliveries %d ms%n",
                phase.name(), phase.longestPauseMillis(bobsPhone.messageArrivalNanos)));
        assertThat(sent).extracting(Sent::messageId).doesNotHaveDuplicates();
        assertThat(bobsPhone.messagesIn(chat)).extracting(ServerFrame.Message::seq)
                .containsExactlyElementsOf(MessagingEndToEndTest.seqs(1, count));
        assertThat(bobsPhone.messagesIn(chat)).extracting(ServerFrame.Message::messageId)
                .containsExactlyInAnyOrderElementsOf(sent.stream().map(Sent::messageId).toList());
        assertThat(history.all(bobsPhone.login, chat)).extracting(History.StoredMessage::seq)
                .containsExactlyElementsOf(MessagingEndToEndTest.seqs(1, count));
    }

    private static void awaitDeliveries(Device device, String chat, int atLeast) {
        await().atMost(RECOVERY).until(() -> device.messagesIn(chat).size() >= atLeast);
    }

    /** Stops an instance gracefully, starts it again, and waits until Bob got 20 more messages. */
    private static Phase inTurn(String name, Runnable stop, Runnable restart, Device bob, String chat) {
        long start = System.nanoTime();
        stop.run();
        restart.run();
        awaitDeliveries(bob, chat, bob.messagesIn(chat).size() + 20);
        return new Phase(name, start, System.nanoTime());
    }

    /** One instance's restart, from its SIGTERM until deliveries flowed again. */
    private record Phase(String name, long startNanos, long endNanos) {

        long longestPauseMillis(List<Long> arrivals) {
            long longest = 0;
            for (int i = 1; i < arrivals.size(); i++) {
                if (arrivals.get(i) > startNanos && arrivals.get(i - 1) < endNanos) {
                    longest = Math.max(longest, arrivals.get(i) - arrivals.get(i - 1));
                }
            }
            return TimeUnit.NANOSECONDS.toMillis(longest);
        }
    }
}
