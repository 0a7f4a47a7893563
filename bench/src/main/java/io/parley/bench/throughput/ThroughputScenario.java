package io.parley.bench.throughput;

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
import io.parley.bench.hops.TimerHistogram;
import io.parley.bench.report.CpuMeter;
import io.parley.bench.report.Reports;
import io.parley.protocol.ServerFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code throughput}: pairs of users, one device each, spread over the gateways; open-loop rate steps of 1:1 text
 * messages alternating direction; every device syncs and acks as a real client does.
 */
public final class ThroughputScenario {

    private static final long MAX_PARK_NANOS = 1_000_000;
    private static final int DEVICE_SEND_LIMIT_PER_SECOND = 20;

    private final BenchContext context;
    private final int pairs;
    private final List<Double> rates;
    private final Duration stepDuration;
    private final Duration drain;
    private final Duration finalDrain;
    private final byte[] body;
    private final DeliveryTracker tracker = new DeliveryTracker();
    private final Map<String, LongAdder> errorCodes = new ConcurrentHashMap<>();

    public ThroughputScenario(BenchContext context, Options options) {
        this.context = context;
        this.pairs = options.integer("pairs", 200);
        this.rates = options.list("rates", "100,500,1000,2000,5000").stream().map(Double::parseDouble).toList();
        if (options.has("duration")) {
            if (rates.size() != 1) {
                throw new IllegalArgumentException("--duration is for one sustained rate: give --rates with one value");
            }
            this.stepDuration = options.duration("duration", "300s");
        } else {
            this.stepDuration = options.duration("step-duration", "30s");
        }
        this.drain = options.duration("drain", "15s");
        this.finalDrain = options.duration("final-drain", "60s");
        byte[] text = new byte[options.integer("size", 100)];
        Arrays.fill(text, (byte) 'x');
        this.body = text;
    }

    public void run() {
        int deviceCount = 2 * pairs;
        for (double rate : rates) {
            if (rate / deviceCount > DEVICE_SEND_LIMIT_PER_SECOND) {
                System.err.printf("warning: %.0f msg/s over %d devices is %.1f/s per device, above the gateway's "
                        + "default limit of %d/s: use more --pairs%n", rate, deviceCount, rate / deviceCount,
                        DEVICE_SEND_LIMIT_PER_SECOND);
            }
        }
        System.out.printf("Setting up %d pairs (%d users, one device each) over %d gateway(s) ...%n", pairs,
                deviceCount, context.gateways().size());
        Accounts accounts = context.accounts(deviceCount);
        List<User> users = accounts.register("t", deviceCount);
        List<DeviceLogin> logins = users.stream().map(accounts::login).toList().stream()
                .map(java.util.concurrent.CompletableFuture::join).toList();
        String[] chats = new String[deviceCount];
        for (int i = 0; i < deviceCount; i++) {
            chats[i] = DirectChat.of(users.get(i).userId(), users.get(i ^ 1).userId());
        }
        CountDownLatch synced = new CountDownLatch(deviceCount);
        Fleet fleet = context.fleet(context.gateways());
        List<DeviceConnection> devices = fleet.connect(logins, i -> listener(i, users.get(i).userId(), synced));
        Fleet.syncAll(devices, synced, 120);
        System.out.println("All devices connected and synced.");

        List<StepResult> results = new ArrayList<>();
        HopBreakdown hops = context.hops();
        for (int step = 0; step < rates.size(); step++) {
            double rate = rates.get(step);
            Map<String, TimerHistogram> before = hops.scrape();
            errorCodes.clear();
            CpuMeter cpu = new CpuMeter();
            tracker.beginStep(step);
            RateSchedule schedule = RateSchedule.of(System.nanoTime() + 20_000_000L, rate,
                    stepDuration.toMillis() / 1000.0);
            generate(step, schedule, devices, chats);
            long drainUntil = System.nanoTime() + drain.toNanos();
            while (tracker.outstanding(step) > 0 && System.nanoTime() < drainUntil) {
                LockSupport.parkNanos(20_000_000L);
            }
            double generatorCpu = cpu.processPercentOfOneCore();
            double machineCpu = cpu.machineBusyPercent();
            StepCounts counts = tracker.close(step, stepDuration.toMillis() / 1000.0);
            Map<String, TimerHistogram> after = hops.scrape();
            Map<String, Long> errors = new TreeMap<>();
            errorCodes.forEach((code, count) -> errors.put(code, count.sum()));
            StepResult result = new StepResult(rate, stepDuration.toMillis() / 1000.0, counts, errors,
                    devices.stream().mapToLong(DeviceConnection::inboxGaps).sum(),
                    devices.stream().mapToLong(DeviceConnection::inboxRepeats).sum(), generatorCpu, machineCpu,
                    HopBreakdown.between(before, after));
            results.add(result);
            System.out.println(Reports.stepLine(result));
        }
        if (tracker.stillLost() > 0) {
            System.out.printf("%d messages counted lost; waiting while they still arrive (gives up after %d s "
                    + "without one) ...%n", tracker.stillLost(), finalDrain.toSeconds());
            long arrived = tracker.lostThenArrived();
            long until = System.nanoTime() + finalDrain.toNanos();
            while (tracker.stillLost() > 0 && System.nanoTime() < until) {
                LockSupport.parkNanos(100_000_000L);
                if (tracker.lostThenArrived() != arrived) {
                    arrived = tracker.lostThenArrived();
                    until = System.nanoTime() + finalDrain.toNanos();
                }
            }
        }
        System.out.printf("Lost for good: %d (another %d counted lost at their step's end arrived later)%n",
                tracker.stillLost(), tracker.lostThenArrived());
        devices.forEach(DeviceConnection::close);
        Reports.writeThroughput(context.out(), pairs, context.gateways(), stepDuration, drain, body.length, results,
                tracker.stillLost(), tracker.lostThenArrived());
    }

    private void generate(int step, RateSchedule schedule, List<DeviceConnection> devices, String[] chats) {
        int deviceCount = devices.size();
        long next = 0;
        while (next < schedule.total()) {
            long now = System.nanoTime();
            long due = schedule.dueBy(now);
            for (; next < due; next++) {
                int sender = (int) (next % deviceCount);
                int receiver = sender ^ 1;
                String clientMsgId = "s" + step + "-" + next;
                long dueAt = schedule.dueAt(next);
                devices.get(sender).send(clientMsgId, chats[sender], "text/plain", body,
                        written -> tracker.written(clientMsgId, receiver, dueAt, written));
            }
            if (next < schedule.total()) {
                long wait = schedule.dueAt(next) - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(Math.min(wait, MAX_PARK_NANOS));
                }
            }
        }
    }

    private DeviceListener listener(int index, String userId, CountDownLatch synced) {
        return new DeviceListener() {
            @Override
            public void onSent(DeviceConnection device, ServerFrame.Sent sent, long nanos) {
                tracker.sent(sent.clientMsgId(), nanos);
            }

            @Override
            public void onMessage(DeviceConnection device, ServerFrame.Message message, long nanos) {
                tracker.received(index, message.chat(), message.seq(), message.clientMsgId(),
                        !userId.equals(message.from()), nanos);
            }

            @Override
            public void onSynced(DeviceConnection device, long cursor, long nanos) {
                synced.countDown();
            }

            @Override
            public void onError(DeviceConnection device, ServerFrame.Error error) {
                errorCodes.computeIfAbsent(error.code().wireName(), code -> new LongAdder()).increment();
                if (error.ref() != null) {
                    tracker.failed(error.ref());
                }
            }

            @Override
            public void onClosed(DeviceConnection device, int closeCode) {
                errorCodes.computeIfAbsent("connection_closed_" + closeCode, code -> new LongAdder()).increment();
            }
        };
    }
}
