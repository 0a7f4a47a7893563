package io.parley.bench.idle;

import io.parley.bench.BenchContext;
import io.parley.bench.Options;
import io.parley.bench.accounts.Accounts;
import io.parley.bench.accounts.DeviceLogin;
import io.parley.bench.accounts.User;
import io.parley.bench.device.DeviceConnection;
import io.parley.bench.device.DeviceListener;
import io.parley.bench.device.Fleet;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code idle}: K authenticated, synced, heartbeating connections to one gateway, spread over loopback source
 * addresses; the gateway's RSS and live heap before and after, per connection. K devices need K logins: users get
 * up to {@code --devices-per-user} devices each (the account cap is 8 by default).
 */
public final class IdleScenario {

    private static final int BATCH = 200;

    private final BenchContext context;
    private final int connections;
    private final int devicesPerUser;
    private final Long gatewayPid;
    private final URI gateway;
    private final URI gatewayMetrics;
    private final Duration settle;
    private final Duration hold;
    private final boolean sync;

    public IdleScenario(BenchContext context, Options options) {
        this.context = context;
        this.connections = options.integer("connections", 2000);
        this.devicesPerUser = options.integer("devices-per-user", 8);
        this.gatewayPid = options.has("gateway-pid") ? Long.valueOf(options.string("gateway-pid", null)) : null;
        this.gateway = context.gateways().get(0);
        this.gatewayMetrics = URI.create(options.string("gateway-metrics",
                "http://" + gateway.getHost() + ":" + gateway.getPort() + "/actuator/prometheus"));
        this.settle = options.duration("settle", "10s");
        this.hold = options.duration("hold", "30s");
        this.sync = !options.flag("no-sync");
    }

    public void run() {
        GatewayMemory memory = new GatewayMemory(gatewayPid, context.http(), gatewayMetrics);
        GatewayMemory.Reading before = memory.read();
        System.out.printf(Locale.ROOT, "Gateway before: RSS %s, heap %s%n", mb(before.rssBytes()), mb(before.heapBytes()));

        int userCount = (connections + devicesPerUser - 1) / devicesPerUser;
        Accounts accounts = context.accounts(connections);
        System.out.printf("Registering %d users for %d devices ...%n", userCount, connections);
        List<User> users = accounts.register("i", userCount);
        AtomicInteger closed = new AtomicInteger();
        CountDownLatch synced = new CountDownLatch(connections);
        DeviceListener listener = new DeviceListener() {
            @Override
            public void onSynced(DeviceConnection device, long cursor, long nanos) {
                synced.countDown();
            }

            @Override
            public void onClosed(DeviceConnection device, int closeCode) {
                closed.incrementAndGet();
            }
        };
        Fleet fleet = context.fleet(List.of(gateway));
        List<DeviceConnection> devices = new ArrayList<>(connections);
        long setupStart = System.nanoTime();
        for (int from = 0; from < connections; from += BATCH) {
            List<CompletableFuture<DeviceLogin>> logins = new ArrayList<>();
            for (int i = from; i < Math.min(connections, from + BATCH); i++) {
                logins.add(accounts.login(users.get(i / devicesPerUser)));
            }
            List<CompletableFuture<DeviceConnection>> opened = new ArrayList<>();
            for (CompletableFuture<DeviceLogin> login : logins) {
                opened.add(fleet.connect(login.join(), gateway, listener));
            }
            opened.forEach(device -> devices.add(device.join()));
            if (sync) {
                devices.subList(from, devices.size()).forEach(device -> device.sync(0));
            }
            System.out.printf("  %d connected%n", devices.size());
        }
        if (sync) {
            Fleet.await(synced, 300, "devices never answered synced");
        }
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
        System.out.printf(Locale.ROOT, "%d connections open in %.0f s; settling %d s ...%n", connections, setupSeconds,
                settle.toSeconds());
        LockSupport.parkNanos(settle.toNanos());
        GatewayMemory.Reading after = memory.read();
        LockSupport.parkNanos(hold.toNanos());
        long open = devices.stream().filter(DeviceConnection::isOpen).count();
        int closedEarly = closed.get();

        double rssPer = (after.rssBytes() - before.rssBytes()) / connections;
        double heapPer = (after.heapBytes() - before.heapBytes()) / connections;
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("scenario", "idle");
        file.put("gateway", gateway.toString());
        file.put("connections", connections);
        file.put("sourceAddresses", context.connectionSources().size());
        file.put("synced", sync);
        file.put("setupSeconds", setupSeconds);
        file.put("before", before);
        file.put("after", after);
        file.put("rssBytesPerConnection", rssPer);
        file.put("heapBytesPerConnection", heapPer);
        file.put("stillOpenAfterHold", open);
        file.put("holdSeconds", hold.toSeconds());
        String markdown = "## Idle connections\n\n"
                + "| connections | source addresses | RSS before / after MB | RSS per connection KB "
                + "| heap before / after MB | heap per connection KB | open after " + hold.toSeconds() + " s hold |\n"
                + "|---|---|---|---|---|---|---|\n"
                + String.format(Locale.ROOT, "| %d | %d | %s / %s | %s | %s / %s%s | %s | %d |%n", connections,
                        context.connectionSources().size(), mb(before.rssBytes()), mb(after.rssBytes()), kb(rssPer),
                        mb(before.heapBytes()), mb(after.heapBytes()), after.liveHeap() ? " (live, after GC)"
                                : " (in use, no GC)", kb(heapPer), open);
        devices.forEach(DeviceConnection::close);
        Reports.write(context.out(), "idle-" + Reports.stamp(), file, markdown, null);
        if (closedEarly > 0) {
            System.out.println(closedEarly + " connections were closed by the server or the network before the end");
        }
    }

    private static String mb(double bytes) {
        return Double.isNaN(bytes) ? "–" : String.format(Locale.ROOT, "%.1f", bytes / 1024 / 1024);
    }

    private static String kb(double bytes) {
        return Double.isNaN(bytes) ? "–" : String.format(Locale.ROOT, "%.1f", bytes / 1024);
    }
}
