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
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.HdrHistogram.Histogram;

/**
 * {@code presence-fanout}: {@code --subscribers} devices (one user each, spread over the gateways) watch one user
 * W, who connects and later disconnects, {@code --rounds} times. For each change: the time until each watcher sees
 * it (online: from W's {@code hello}; offline: from W's close, minus the grace), and Redis's own count of the
 * commands processed meanwhile ({@code --redis=host:port}).
 */
public final class PresenceFanoutScenario {

    private final BenchContext context;
    private final int subscribers;
    private final int rounds;
    private final Duration grace;
    private final long timeoutSeconds;
    private final RedisCommands redis;
    private volatile DeviceConnection connected;

    public PresenceFanoutScenario(BenchContext context, Options options) {
        this.context = context;
        this.subscribers = options.integer("subscribers", 500);
        this.rounds = options.integer("rounds", 5);
        this.grace = options.duration("grace", "10s");
        this.timeoutSeconds = options.duration("timeout", "60s").toSeconds();
        this.redis = RedisCommands.at(options.string("redis", ""));
    }

    public void run() {
        List<URI> gateways = context.gateways();
        Accounts accounts = context.accounts(subscribers + 1);
        List<User> users = accounts.register("pf", subscribers + 1);
        User watched = users.get(0);
        DeviceLogin watchedLogin = accounts.login(watched).join();
        accounts.showPresenceToEveryone(watchedLogin).join();
        List<DeviceLogin> logins = users.subList(1, users.size()).stream().map(accounts::login).toList().stream()
                .map(CompletableFuture::join).toList();
        Fleet fleet = context.fleet(gateways);
        PresenceWatch watch = new PresenceWatch(watched.userId(), subscribers);

        List<DeviceConnection> watchers = fleet.connect(logins, watch::listener);
        CountDownLatch initial = watch.expect(false);
        watchers.forEach(device -> device.subscribePresence(List.of(watched.userId())));
        Fleet.await(initial, timeoutSeconds, "watchers never got W's first presence");
        System.out.printf(Locale.ROOT, "%d watchers on %d gateway(s) see W offline (%d subscriptions asked again after "
                + "a retriable refusal)%n", subscribers, gateways.size(), watch.resubscribed());

        Histogram online = Latency.newMicrosHistogram();
        Histogram offline = Latency.newMicrosHistogram();
        List<Long> onlineCommands = new ArrayList<>();
        List<Long> offlineCommands = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            URI gateway = gateways.get(round % gateways.size());
            long before = commands();
            CountDownLatch up = watch.expect(true);
            long hello = fleet.connect(watchedLogin, gateway, new DeviceListener() { })
                    .thenApply(device -> {
                        connected = device;
                        return System.nanoTime();
                    }).join();
            Fleet.await(up, timeoutSeconds, "watchers never saw W online");
            record(online, watch.arrivals(), hello, 0);
            onlineCommands.add(commands() - before - 1);

            before = commands();
            CountDownLatch down = watch.expect(false);
            long closed = System.nanoTime();
            connected.close();
            Fleet.await(down, grace.toSeconds() + timeoutSeconds, "watchers never saw W offline");
            record(offline, watch.arrivals(), closed, grace.toNanos());
            offlineCommands.add(commands() - before - 1);
            System.out.printf(Locale.ROOT, "round %d: online seen by all, offline seen by all%n", round + 1);
        }
        watchers.forEach(DeviceConnection::close);
        report(Latency.ofMicros(online), Latency.ofMicros(offline), onlineCommands, offlineCommands, watch.unexpected(),
                watch.resubscribed(), gateways);
    }

    private long commands() {
        return redis == null ? 0 : redis.processed();
    }

    private static void record(Histogram histogram, long[] arrivals, long fromNanos, long minusNanos) {
        for (long arrival : arrivals) {
            histogram.recordValue(Math.max(0, (arrival - fromNanos - minusNanos) / 1_000));
        }
    }

    private void report(Latency online, Latency offline, List<Long> onlineCommands, List<Long> offlineCommands,
            long unexpected, long resubscribed, List<URI> gateways) {
        String stamp = Reports.stamp();
        String redisNote = redis == null ? "not measured (--redis=host:port)" : "";
        String table = String.format(Locale.ROOT, """
                | change | watchers × rounds | p50 | p99 | max | Redis commands per change (all services) |
                |---|---|---|---|---|---|
                | W online (from W's hello) | %d × %d | %s | %s | %s | %s |
                | W offline (from W's close, minus the %d s grace) | %d × %d | %s | %s | %s | %s |
                """, subscribers, rounds, Reports.ms(online.p50()), Reports.ms(online.p99()), Reports.ms(online.max()),
                redis == null ? redisNote : onlineCommands.toString(), grace.toSeconds(), subscribers, rounds,
                Reports.ms(offline.p50()), Reports.ms(offline.p99()), Reports.ms(offline.max()),
                redis == null ? redisNote : offlineCommands.toString());
        String markdown = "## Presence fan-out\n\n" + subscribers + " watchers on " + gateways.size()
                + " gateway(s) " + gateways + "; frames other than the expected state: " + unexpected
                + "; subscriptions asked again after a retriable refusal: " + resubscribed + "\n\n" + table;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subscribers", subscribers);
        json.put("rounds", rounds);
        json.put("gateways", gateways.stream().map(URI::toString).toList());
        json.put("onlineMs", online);
        json.put("offlineBeyondGraceMs", offline);
        json.put("redisCommandsPerOnline", onlineCommands);
        json.put("redisCommandsPerOffline", offlineCommands);
        json.put("unexpectedFrames", unexpected);
        json.put("resubscribed", resubscribed);
        Reports.write(context.out(), "presence-fanout-" + stamp, json, markdown, null);
    }
}
