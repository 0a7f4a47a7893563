package io.parley.bench.groups;

import io.parley.bench.BenchContext;
import io.parley.bench.Options;
import io.parley.bench.accounts.Accounts;
import io.parley.bench.accounts.DeviceLogin;
import io.parley.bench.accounts.User;
import io.parley.bench.device.DeviceConnection;
import io.parley.bench.device.DeviceListener;
import io.parley.bench.device.Fleet;
import io.parley.bench.hops.HopBreakdown;
import io.parley.bench.hops.HopRow;
import io.parley.bench.hops.TimerHistogram;
import io.parley.bench.report.CpuMeter;
import io.parley.bench.report.Latency;
import io.parley.bench.report.Reports;
import io.parley.bench.throughput.RateSchedule;
import io.parley.protocol.ServerFrame;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * {@code group-fanout}: for each group size, that many users (one device each, spread over the gateways) in one group;
 * {@code --senders} of them send {@code --rate} messages/s into it for {@code --duration}. Every other member must
 * receive every message once, in seq order: reported are the live deliveries per second, the latency of each
 * delivery and at the last member, and lost / duplicated / out-of-order deliveries. Then the catch-up case:
 * {@code --offline} members go away while {@code --catch-up-messages} more arrive, and all reconnect at once.
 */
public final class GroupFanoutScenario {

    private static final long POLL_NANOS = 20_000_000L;

    private final BenchContext context;
    private final GroupChats groups;
    private final List<Integer> sizes;
    private final int senders;
    private final double rate;
    private final Duration duration;
    private final Duration drain;
    private final int offline;
    private final int catchUpMessages;
    private final byte[] body;
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    /** The messages being tracked: their client_msg_id prefix and where their deliveries are counted. */
    private record Phase(String prefix, GroupDeliveries deliveries) {
    }

    private record Live(int members, double offered, long acknowledged, double deliveriesPerSecond, Latency perDelivery,
            Latency atLastMember, long lost, long duplicated, long outOfOrder, double generatorCpu, double machineBusy,
            List<HopRow> hops) {
    }

    private record CatchUp(int members, int offline, int messages, double allSyncedSeconds, double allReceivedSeconds,
            long lost, long duplicated, long outOfOrder) {
    }

    public GroupFanoutScenario(BenchContext context, Options options) {
        this.context = context;
        this.groups = new GroupChats(context.http(), URI.create(options.string("group-service", "http://127.0.0.1:8084")));
        this.sizes = options.list("members", "256,1024").stream().map(Integer::parseInt).toList();
        this.senders = options.integer("senders", 8);
        this.rate = options.decimal("rate", 50);
        this.duration = options.duration("duration", "30s");
        this.drain = options.duration("drain", "30s");
        this.offline = options.integer("offline", 200);
        this.catchUpMessages = options.integer("catch-up-messages", 1000);
        byte[] text = new byte[options.integer("size", 100)];
        Arrays.fill(text, (byte) 'x');
        this.body = text;
        for (int size : sizes) {
            if (size < senders + 1 || size > 1024) {
                throw new IllegalArgumentException("--members: each group needs more members than --senders and at most 1024");
            }
        }
    }

    public void run() {
        List<Live> live = new ArrayList<>();
        List<CatchUp> catchUps = new ArrayList<>();
        for (int size : sizes) {
            Group group = new Group(size);
            live.add(group.live());
            if (offline > 0 && size > offline + senders) {
                catchUps.add(group.catchUp());
            }
            group.close();
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("scenario", "group-fanout");
        file.put("gateways", context.gateways().stream().map(URI::toString).toList());
        file.put("senders", senders);
        file.put("rate", rate);
        file.put("durationSeconds", duration.toSeconds());
        file.put("live", live);
        file.put("catchUp", catchUps);
        file.put("errors", new TreeMap<>(errors.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()))));
        Reports.write(context.out(), "group-fanout-" + Reports.stamp(), file, markdown(live, catchUps), null);
    }

    private String markdown(List<Live> live, List<CatchUp> catchUps) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "## Group fan-out (%d gateway(s), %d senders, "
                + "%.0f msg/s for %d s)%n%n", context.gateways().size(), senders, rate, duration.toSeconds()));
        md.append("| members | offered deliveries/s | messages acked | live deliveries/s | per delivery p50 / p99 ms "
                + "| at last member p50 / p99 / max ms | lost / dup / reorder | generator CPU % | machine busy % |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (Live row : live) {
            md.append(String.format(Locale.ROOT, "| %d | %.0f | %d | %.0f | %s / %s | %s / %s / %s | %d / %d / %d | %.0f | %.0f |%n",
                    row.members(), row.offered(), row.acknowledged(), row.deliveriesPerSecond(),
                    Reports.ms(row.perDelivery().p50()), Reports.ms(row.perDelivery().p99()),
                    Reports.ms(row.atLastMember().p50()), Reports.ms(row.atLastMember().p99()),
                    Reports.ms(row.atLastMember().max()), row.lost(), row.duplicated(), row.outOfOrder(),
                    row.generatorCpu(), row.machineBusy()));
        }
        if (!catchUps.isEmpty()) {
            md.append("\n### Catch-up\n\n| members | offline | messages while away | reconnect → all synced s "
                    + "| reconnect → all messages s | lost / dup / reorder |\n|---|---|---|---|---|---|\n");
            for (CatchUp row : catchUps) {
                md.append(String.format(Locale.ROOT, "| %d | %d | %d | %.2f | %.2f | %d / %d / %d |%n", row.members(),
                        row.offline(), row.messages(), row.allSyncedSeconds(), row.allReceivedSeconds(), row.lost(),
                        row.duplicated(), row.outOfOrder()));
            }
        }
        for (Live row : live) {
            md.append(String.format(Locale.ROOT, "%n### Per hop, %d members%n%n", row.members()))
                    .append(Reports.hopTable(List.of(row.members() + " members"), List.of(row.hops())));
        }
        return md.toString();
    }

    /** One group, its members' devices and what they receive. */
    private final class Group {

        private final int size;
        private final List<DeviceLogin> logins;
        private final Fleet fleet = context.fleet(context.gateways());
        private final DeviceConnection[] devices;
        /** The chats each member has received a message of: the group's creation may arrive before its id is known. */
        private final Set<String>[] chatsSeen;
        private volatile String chat;
        private volatile Phase phase = new Phase("none", new GroupDeliveries(1, 0));

        Group(int size) {
            this.size = size;
            this.devices = new DeviceConnection[size];
            this.chatsSeen = newChatSets(size);
            System.out.printf(Locale.ROOT, "Setting up a group of %d members over %d gateway(s) ...%n", size,
                    context.gateways().size());
            Accounts accounts = context.accounts(size);
            List<User> users = accounts.register("g" + size, size);
            this.logins = users.stream().map(accounts::login).toList().stream()
                    .map(java.util.concurrent.CompletableFuture::join).toList();
            CountDownLatch synced = new CountDownLatch(size);
            List<DeviceConnection> connected = fleet.connect(logins, i -> listener(i, synced, null));
            connected.toArray(devices);
            Fleet.syncAll(connected, synced, 300);
            chat = groups.create(logins.get(0), "bench " + size,
                    users.subList(1, size).stream().map(User::userId).toList());
            await(() -> Arrays.stream(chatsSeen).allMatch(seen -> seen.contains(chat)), Duration.ofSeconds(300));
            long without = Arrays.stream(chatsSeen).filter(seen -> !seen.contains(chat)).count();
            if (without > 0) {
                throw new IllegalStateException(without + " members never received the group's creation");
            }
            System.out.printf("Group %s created; every member has it.%n", chat);
        }

        Live live() {
            int messages = (int) Math.round(rate * duration.toMillis() / 1000.0);
            GroupDeliveries deliveries = new GroupDeliveries(size, messages);
            phase = new Phase("g" + runId + "-" + size + "-live-", deliveries);
            Map<String, TimerHistogram> before = context.hops().scrape();
            CpuMeter cpu = new CpuMeter();
            send(messages, deliveries, size);
            await(() -> deliveries.lost() == 0, drain);
            double generatorCpu = cpu.processPercentOfOneCore();
            double machineBusy = cpu.machineBusyPercent();
            List<HopRow> hops = HopBreakdown.between(before, context.hops().scrape());
            Live row = new Live(size, rate * (size - 1), deliveries.acknowledgedCount(), deliveries.deliveriesPerSecond(),
                    deliveries.perDelivery(), deliveries.atLastMember(), deliveries.lost(), deliveries.duplicated(),
                    deliveries.outOfOrder(), generatorCpu, machineBusy, hops);
            System.out.printf(Locale.ROOT, "%d members: %.0f deliveries/s, at last member p99 %s ms, lost %d, dup %d, "
                    + "reorder %d%n", size, row.deliveriesPerSecond(), Reports.ms(row.atLastMember().p99()), row.lost(),
                    row.duplicated(), row.outOfOrder());
            return row;
        }

        CatchUp catchUp() {
            GroupDeliveries deliveries = new GroupDeliveries(size, catchUpMessages);
            phase = new Phase("g" + runId + "-" + size + "-catch-up-", deliveries);
            int firstAway = size - offline;
            long[] cursors = new long[size];
            for (int i = firstAway; i < size; i++) {
                cursors[i] = devices[i].cursor();
                devices[i].close();
            }
            System.out.printf(Locale.ROOT, "%d members offline; sending %d messages ...%n", offline, catchUpMessages);
            send(catchUpMessages, deliveries, firstAway);
            await(() -> allComplete(deliveries, 0, firstAway), drain);
            System.out.printf("Reconnecting the %d members at once ...%n", offline);
            CountDownLatch synced = new CountDownLatch(offline);
            AtomicLong lastSynced = new AtomicLong();
            long start = System.nanoTime();
            for (int i = firstAway; i < size; i++) {
                int member = i;
                fleet.connect(logins.get(i), context.gateways().get(i % context.gateways().size()),
                        listener(i, synced, lastSynced)).thenAccept(device -> {
                            devices[member] = device;
                            device.sync(cursors[member]);
                        });
            }
            Fleet.await(synced, 600, "reconnected members never answered synced");
            double allSynced = (lastSynced.get() - start) / 1e9;
            await(() -> allComplete(deliveries, firstAway, size), Duration.ofSeconds(120));
            double allReceived = (System.nanoTime() - start) / 1e9;
            CatchUp row = new CatchUp(size, offline, catchUpMessages, allSynced, allReceived, deliveries.lost(),
                    deliveries.duplicated(), deliveries.outOfOrder());
            System.out.printf(Locale.ROOT, "Catch-up: all synced after %.2f s, all messages after %.2f s, lost %d%n",
                    allSynced, allReceived, row.lost());
            return row;
        }

        void close() {
            for (DeviceConnection device : devices) {
                if (device != null) {
                    device.close();
                }
            }
        }

        /** Sends {@code messages} into the group at the rate, from members 0 .. senders-1 in turn. */
        private void send(int messages, GroupDeliveries deliveries, int online) {
            String prefix = phase.prefix();
            RateSchedule schedule = new RateSchedule(System.nanoTime() + 20_000_000L, rate, messages);
            for (int next = 0; next < messages;) {
                long due = schedule.dueBy(System.nanoTime());
                for (; next < due; next++) {
                    int sender = next % Math.min(senders, online);
                    deliveries.sending(next, sender, schedule.dueAt(next));
                    devices[sender].send(prefix + next, chat, "text/plain", body, written -> { });
                }
                LockSupport.parkNanos(1_000_000);
            }
        }

        private boolean allComplete(GroupDeliveries deliveries, int from, int to) {
            for (int i = from; i < to; i++) {
                if (!deliveries.complete(i)) {
                    return false;
                }
            }
            return true;
        }

        private DeviceListener listener(int member, CountDownLatch synced, AtomicLong syncedAt) {
            return new DeviceListener() {
                @Override
                public void onMessage(DeviceConnection device, ServerFrame.Message message, long nanos) {
                    chatsSeen[member].add(message.chat());
                    if (!message.chat().equals(chat)) {
                        return;
                    }
                    Phase current = phase;
                    String id = message.clientMsgId();
                    if (id != null && id.startsWith(current.prefix())) {
                        current.deliveries().received(member, index(id, current), message.seq(), nanos);
                    }
                }

                @Override
                public void onSent(DeviceConnection device, ServerFrame.Sent sent, long nanos) {
                    Phase current = phase;
                    if (sent.clientMsgId().startsWith(current.prefix())) {
                        current.deliveries().acknowledged(index(sent.clientMsgId(), current));
                    }
                }

                @Override
                public void onSynced(DeviceConnection device, long cursor, long nanos) {
                    if (syncedAt != null) {
                        syncedAt.accumulateAndGet(nanos, Math::max);
                    }
                    synced.countDown();
                }

                @Override
                public void onError(DeviceConnection device, ServerFrame.Error error) {
                    errors.computeIfAbsent(error.code().wireName(), code -> new LongAdder()).increment();
                }
            };
        }

        @SuppressWarnings("unchecked")
        private static Set<String>[] newChatSets(int size) {
            Set<String>[] sets = new Set[size];
            for (int i = 0; i < size; i++) {
                sets[i] = ConcurrentHashMap.newKeySet();
            }
            return sets;
        }

        private static int index(String clientMsgId, Phase phase) {
            try {
                return Integer.parseInt(clientMsgId.substring(phase.prefix().length()));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    private static void await(BooleanSupplier done, Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < until) {
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
