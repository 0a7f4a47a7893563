package io.parley.bench.presence;

import io.parley.bench.BenchContext;
import io.parley.bench.Options;
import io.parley.bench.accounts.Accounts;
import io.parley.bench.accounts.DeviceLogin;
import io.parley.bench.accounts.User;
import io.parley.bench.device.DeviceConnection;
import io.parley.bench.device.DeviceListener;
import io.parley.bench.device.Fleet;
import io.parley.bench.report.Latency;
import io.parley.bench.report.Reports;
import io.parley.protocol.ServerFrame;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * {@code presence-storm}: {@code --devices} connected devices (one user each), each watched by
 * {@code --watch-copies} of {@code --watchers} watching devices; {@code --drop} of them lose their connection
 * (TCP closed, no close frame) within {@code --drop-over} and reconnect each after a random delay up to
 * {@code --reconnect-within} (inside the grace). The watchers must see no offline flap and no repeated online; the
 * report gives presence-service's CPU ({@code --presence-metrics}) and Redis's commands ({@code --redis}) during the
 * storm, from the first drop until one grace after the last reconnect.
 */
public final class PresenceStormScenario {

    private final BenchContext context;
    private final int devices;
    private final int drops;
    private final int watchers;
    private final int copies;
    private final Duration dropOver;
    private final Duration reconnectWithin;
    private final Duration grace;
    private final long timeoutSeconds;
    private final RedisCommands redis;
    private final ServiceCpu presenceCpu;
    private final Map<String, Integer> stormUsers = new HashMap<>();
    private final AtomicLong flaps = new AtomicLong();
    private final AtomicLong repeatedOnline = new AtomicLong();
    private volatile boolean storming;
    private volatile CountDownLatch initial;

    public PresenceStormScenario(BenchContext context, Options options) {
        this.context = context;
        this.devices = options.integer("devices", 5_000);
        this.drops = Math.min(devices, options.integer("drop", 2_000));
        this.watchers = options.integer("watchers", 500);
        this.copies = Math.min(watchers, options.integer("watch-copies", 2));
        this.dropOver = options.duration("drop-over", "1s");
        this.reconnectWithin = options.duration("reconnect-within", "5s");
        this.grace = options.duration("grace", "10s");
        this.timeoutSeconds = options.duration("timeout", "120s").toSeconds();
        this.redis = RedisCommands.at(options.string("redis", ""));
        this.presenceCpu = new ServiceCpu(context.http(),
                URI.create(options.string("presence-metrics", "http://127.0.0.1:8083/actuator/prometheus")));
    }

    public void run() {
        List<URI> gateways = context.gateways();
        Accounts accounts = context.accounts(devices + watchers);
        List<User> users = accounts.register("ps", devices + watchers);
        List<DeviceLogin> stormLogins = logins(accounts, users.subList(0, devices));
        List<DeviceLogin> watcherLogins = logins(accounts, users.subList(devices, users.size()));
        stormLogins.stream().map(accounts::showPresenceToEveryone).toList().forEach(CompletableFuture::join);
        for (int i = 0; i < devices; i++) {
            stormUsers.put(stormLogins.get(i).user().userId(), i);
        }
        Fleet fleet = context.fleet(gateways);
        List<DeviceConnection> storm = new ArrayList<>(fleet.connect(stormLogins, i -> new DeviceListener() { }));
        System.out.printf(Locale.ROOT, "%d devices connected on %d gateway(s)%n", devices, gateways.size());

        initial = new CountDownLatch(devices * copies);
        List<DeviceConnection> watching = fleet.connect(watcherLogins, i -> watcherListener());
        for (int w = 0; w < watchers; w++) {
            watching.get(w).subscribePresence(watchedBy(w, stormLogins));
        }
        Fleet.await(initial, timeoutSeconds, "watched users never seen online by their watchers");
        System.out.printf(Locale.ROOT, "%d watchers see all %d online (%d watches)%n", watchers, devices, devices * copies);

        double cpuBefore = presenceCpu.seconds();
        long commandsBefore = redis == null ? 0 : redis.processed();
        long start = System.nanoTime();
        storming = true;
        Histogram reconnects = Latency.newMicrosHistogram();
        CountDownLatch reconnected = new CountDownLatch(drops);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < drops; i++) {
                int index = i;
                long dropAt = dropOver.toNanos() * i / drops;
                long reconnectAt = dropAt + ThreadLocalRandom.current().nextLong(reconnectWithin.toNanos() + 1);
                timer.schedule(() -> storm.get(index).drop(), dropAt, TimeUnit.NANOSECONDS);
                timer.schedule(() -> {
                    long begin = System.nanoTime();
                    fleet.connect(stormLogins.get(index), gateways.get(index % gateways.size()), new DeviceListener() { })
                            .whenComplete((device, failure) -> {
                                if (failure == null) {
                                    synchronized (reconnects) {
                                        reconnects.recordValue((System.nanoTime() - begin) / 1_000);
                                    }
                                    storm.set(index, device);
                                    reconnected.countDown();
                                } else {
                                    System.err.println("reconnect failed: " + failure);
                                }
                            });
                }, reconnectAt, TimeUnit.NANOSECONDS);
            }
            Fleet.await(reconnected, timeoutSeconds, "dropped devices never reconnected");
            long lastReconnect = System.nanoTime();
            // An offline flap could only show once the grace of a dropped connection has passed: watch that long.
            LockSupport.parkNanos(grace.plusSeconds(5).toNanos());
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = presenceCpu.seconds() - cpuBefore;
            long commands = redis == null ? -1 : redis.processed() - commandsBefore - 1;
            report(gateways, Latency.ofMicros(reconnects), (lastReconnect - start) / 1e9, seconds, cpu, commands);
        } finally {
            timer.shutdownNow();
            storm.forEach(DeviceConnection::close);
            watching.forEach(DeviceConnection::close);
        }
    }

    private static List<DeviceLogin> logins(Accounts accounts, List<User> users) {
        return users.stream().map(accounts::login).toList().stream().map(CompletableFuture::join).toList();
    }

    /** Watcher w watches storm users w, w + watchers, ... and the same shifted by watchers / copies per copy. */
    private List<String> watchedBy(int watcher, List<DeviceLogin> stormLogins) {
        List<String> watched = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            for (int copy = 0; copy < copies; copy++) {
                if ((i + copy * (watchers / copies)) % watchers == watcher) {
                    watched.add(stormLogins.get(i).user().userId());
                }
            }
        }
        if (watched.size() > 256) {
            throw new IllegalArgumentException("a watcher would watch " + watched.size()
                    + " users (at most 256): raise --watchers");
        }
        return watched;
    }

    private DeviceListener watcherListener() {
        return new DeviceListener() {
            @Override
            public void onPresence(DeviceConnection device, ServerFrame.Presence presence, long nanos) {
                if (!stormUsers.containsKey(presence.user())) {
                    return;
                }
                if (!storming) {
                    if (presence.online()) {
                        initial.countDown();
                    }
                } else if (presence.online()) {
                    repeatedOnline.incrementAndGet();
                } else {
                    flaps.incrementAndGet();
                }
            }
        };
    }

    private void report(List<URI> gateways, Latency reconnects, double reconnectedAfter, double window, double cpu,
            long commands) {
        String table = String.format(Locale.ROOT, """
                | devices | dropped | watchers × copies | reconnect p50 / p99 | all back after | offline flaps seen | repeated online | presence-service CPU (window %.0f s) | Redis commands (all services) |
                |---|---|---|---|---|---|---|---|---|
                | %d | %d within %s, back within %s | %d × %d | %s / %s | %.1f s | %d | %d | %s | %s |
                """, window, devices, drops, dropOver, reconnectWithin, watchers, copies, Reports.ms(reconnects.p50()),
                Reports.ms(reconnects.p99()), reconnectedAfter, flaps.get(), repeatedOnline.get(),
                Double.isNaN(cpu) ? "–" : String.format(Locale.ROOT, "%.1f s (%.0f %% of a core)", cpu, 100 * cpu / window),
                commands < 0 ? "not measured (--redis=host:port)"
                        : String.format(Locale.ROOT, "%d (%.1f per reconnect)", commands, (double) commands / drops));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("devices", devices);
        json.put("dropped", drops);
        json.put("watchers", watchers);
        json.put("watchCopies", copies);
        json.put("gateways", gateways.stream().map(URI::toString).toList());
        json.put("reconnectMs", reconnects);
        json.put("offlineFlaps", flaps.get());
        json.put("repeatedOnline", repeatedOnline.get());
        json.put("presenceCpuSeconds", cpu);
        json.put("windowSeconds", window);
        json.put("redisCommands", commands);
        Reports.write(context.out(), "presence-storm-" + Reports.stamp(), json,
                "## Presence reconnect storm\n\n" + table, null);
    }
}
