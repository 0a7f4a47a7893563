package io.parley.bench.catchup;

import io.parley.bench.BenchContext;
import io.parley.bench.Options;
import io.parley.bench.accounts.Accounts;
import io.parley.bench.accounts.DeviceLogin;
import io.parley.bench.accounts.User;
import io.parley.bench.device.DeviceConnection;
import io.parley.bench.device.DeviceListener;
import io.parley.bench.device.DirectChat;
import io.parley.bench.device.Fleet;
import io.parley.bench.hops.HopBreakdown;
import io.parley.bench.hops.HopRow;
import io.parley.bench.hops.TimerHistogram;
import io.parley.bench.report.Reports;
import io.parley.bench.throughput.DeliveryTracker;
import io.parley.bench.throughput.RateSchedule;
import io.parley.bench.throughput.StepCounts;
import io.parley.protocol.ServerFrame;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code catch-up}: device O of user T is offline while {@code --messages} arrive for T from {@code --senders}
 * users; T's second device W stays online as the witness that everything reached T's inbox. Then O connects and
 * syncs from its cursor: time to {@code synced} and to the last message, messages per second, and whether O got
 * every message once, in order.
 */
public final class CatchUpScenario {

    private static final int OFFLINE = 0;
    private static final int WITNESS = 1;

    private final BenchContext context;
    private final int messages;
    private final int senders;
    private final double sendRate;
    private final long timeoutSeconds;
    private final byte[] body;
    private final DeliveryTracker tracker = new DeliveryTracker();

    public CatchUpScenario(BenchContext context, Options options) {
        this.context = context;
        this.messages = options.integer("messages", 10_000);
        this.senders = options.integer("senders", 40);
        this.sendRate = options.decimal("send-rate", senders * 10.0);
        this.timeoutSeconds = options.duration("timeout", "600s").toSeconds();
        byte[] text = new byte[options.integer("size", 100)];
        Arrays.fill(text, (byte) 'x');
        this.body = text;
    }

    public void run() {
        URI gateway = context.gateways().get(0);
        Accounts accounts = context.accounts(senders + 2);
        List<User> users = accounts.register("c", senders + 1);
        User target = users.get(0);
        DeviceLogin offlineLogin = accounts.login(target).join();
        DeviceLogin witnessLogin = accounts.login(target).join();
        List<DeviceLogin> senderLogins = users.subList(1, users.size()).stream().map(accounts::login).toList()
                .stream().map(java.util.concurrent.CompletableFuture::join).toList();
        Fleet fleet = context.fleet(List.of(gateway));

        // O connects once and syncs, so it has a cursor, then goes away.
        CountDownLatch firstSync = new CountDownLatch(1);
        DeviceConnection first = fleet.connect(offlineLogin, gateway, synced(firstSync)).join();
        first.sync(0);
        Fleet.await(firstSync, 60, "offline device never synced");
        long cursor = first.cursor();
        first.close();

        CountDownLatch witnessed = new CountDownLatch(messages);
        CountDownLatch witnessSynced = new CountDownLatch(1);
        DeviceConnection witness = fleet.connect(witnessLogin, gateway, receiver(WITNESS, target.userId(),
                witnessed, witnessSynced, null)).join();
        witness.sync(0);
        Fleet.await(witnessSynced, 60, "witness device never synced");
        AtomicLong sentCount = new AtomicLong();
        List<DeviceConnection> senderDevices = new ArrayList<>();
        for (DeviceLogin login : senderLogins) {
            senderDevices.add(fleet.connect(login, gateway, new DeviceListener() {
                @Override
                public void onSent(DeviceConnection device, ServerFrame.Sent sent, long nanos) {
                    tracker.sent(sent.clientMsgId(), nanos);
                    sentCount.incrementAndGet();
                }

                @Override
                public void onError(DeviceConnection device, ServerFrame.Error error) {
                    System.err.println("send refused: " + error.code().wireName() + " " + error.message());
                    if (error.ref() != null) {
                        tracker.failed(error.ref());
                    }
                }
            }).join());
        }

        System.out.printf(Locale.ROOT, "Device offline at cursor %d; sending %d messages from %d senders at %.0f/s ...%n",
                cursor, messages, senders, sendRate);
        Map<String, TimerHistogram> metricsBefore = context.hops().scrape();
        tracker.beginStep(0);
        long sendStart = System.nanoTime();
        RateSchedule schedule = new RateSchedule(sendStart, sendRate, messages);
        for (long next = 0; next < messages;) {
            long due = schedule.dueBy(System.nanoTime());
            for (; next < due; next++) {
                int sender = (int) (next % senders);
                String clientMsgId = "c-" + next;
                long dueAt = schedule.dueAt(next);
                senderDevices.get(sender).send(clientMsgId, DirectChat.of(senderLogins.get(sender).user().userId(), target.userId()), "text/plain",
                        body, written -> tracker.written(clientMsgId, OFFLINE, dueAt, written));
            }
            LockSupport.parkNanos(1_000_000);
        }
        Fleet.await(witnessed, timeoutSeconds, "messages never reached the witness device");
        double sendSeconds = (System.nanoTime() - sendStart) / 1e9;
        System.out.printf(Locale.ROOT, "All %d messages in the inbox after %.1f s (%d sent acknowledged); "
                + "reconnecting the offline device ...%n", messages, sendSeconds, sentCount.get());

        CountDownLatch received = new CountDownLatch(messages);
        CountDownLatch synced = new CountDownLatch(1);
        AtomicLong lastMessageAt = new AtomicLong();
        long connectStart = System.nanoTime();
        DeviceConnection offline = fleet.connect(offlineLogin, gateway, receiver(OFFLINE, target.userId(), received,
                synced, lastMessageAt)).join();
        long helloAt = System.nanoTime();
        offline.sync(cursor);
        Fleet.await(synced, timeoutSeconds, "catch-up never answered synced");
        long syncedAt = System.nanoTime();
        Fleet.await(received, 30, "messages never reached the reconnected device");
        StepCounts counts = tracker.close(0, messages / sendRate);
        List<HopRow> hops = HopBreakdown.between(metricsBefore, context.hops().scrape());

        double toSynced = (syncedAt - helloAt) / 1e9;
        double toLast = (lastMessageAt.get() - helloAt) / 1e9;
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("scenario", "catch-up");
        file.put("gateway", gateway.toString());
        file.put("messages", messages);
        file.put("senders", senders);
        file.put("fromCursor", cursor);
        file.put("connectSeconds", (helloAt - connectStart) / 1e9);
        file.put("syncToSyncedSeconds", toSynced);
        file.put("syncToLastMessageSeconds", toLast);
        file.put("messagesPerSecond", messages / toSynced);
        file.put("counts", counts);
        file.put("sendSeconds", sendSeconds);
        file.put("hops", hops);
        String markdown = "## Catch-up\n\n| messages | connect s | sync→last message s | sync→synced s | messages/s "
                + "| received / lost / dup / reorder |\n|---|---|---|---|---|---|\n"
                + String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.0f | %d / %d / %d / %d |%n", messages,
                        (helloAt - connectStart) / 1e9, toLast, toSynced, messages / toSynced, counts.delivered(),
                        counts.lost(), counts.duplicated(), counts.outOfOrder())
                + "\n### Per hop (sending and catching up)\n\n" + Reports.hopTable(List.of("catch-up"), List.of(hops));
        offline.close();
        witness.close();
        senderDevices.forEach(DeviceConnection::close);
        Reports.write(context.out(), "catch-up-" + Reports.stamp(), file, markdown, null);
    }

    private DeviceListener receiver(int index, String userId, CountDownLatch received, CountDownLatch synced,
            AtomicLong lastMessageAt) {
        return new DeviceListener() {
            @Override
            public void onMessage(DeviceConnection device, ServerFrame.Message message, long nanos) {
                tracker.received(index, message.chat(), message.seq(), message.clientMsgId(),
                        !userId.equals(message.from()), nanos);
                received.countDown();
                if (lastMessageAt != null) {
                    lastMessageAt.set(nanos);
                }
            }

            @Override
            public void onSynced(DeviceConnection device, long cursor, long nanos) {
                synced.countDown();
            }
        };
    }

    private static DeviceListener synced(CountDownLatch latch) {
        return new DeviceListener() {
            @Override
            public void onSynced(DeviceConnection device, long cursor, long nanos) {
                latch.countDown();
            }
        };
    }
}
