package io.parley.bench;

import io.parley.bench.accounts.Accounts;
import io.parley.bench.device.Fleet;
import io.parley.bench.hops.HopBreakdown;
import io.parley.bench.net.Network;
import io.parley.bench.net.SimpleHttp;
import io.parley.bench.net.SourceAddresses;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** What every scenario shares: where Parley is, the event loop, source addresses, metrics, output folder. */
public final class BenchContext implements AutoCloseable {

    static final String LOCAL_METRICS = "http://127.0.0.1:8080/actuator/prometheus,"
            + "http://127.0.0.1:8081/actuator/prometheus,http://127.0.0.1:8082/actuator/prometheus";
    private static final int LOGINS_PER_SOURCE = 50;

    private final Network network;
    private final SimpleHttp http;
    private final URI userService;
    private final List<URI> gateways;
    private final HopBreakdown hops;
    private final Path out;
    private final long heartbeatMillis;
    private final int sourceCount;
    private final int loginConcurrency;

    BenchContext(Options options) {
        this.userService = URI.create(options.string("user-service", "http://127.0.0.1:8081"));
        this.gateways = options.uris("gateways", "ws://127.0.0.1:8080/v1/ws");
        this.out = options.path("out", "target/bench");
        this.heartbeatMillis = options.duration("heartbeat", "20s").toMillis();
        this.sourceCount = options.integer("sources", 8);
        this.loginConcurrency = options.integer("login-concurrency", 8);
        this.network = new Network(options.integer("io-threads", 2));
        this.http = new SimpleHttp(network);
        this.hops = new HopBreakdown(http, options.uris("metrics", LOCAL_METRICS));
    }

    /**
     * Accounts whose logins go out from fresh loopback addresses 127.a.b.1.. (a random block per run, so the
     * per-address login limit of user-service is not hit by this run or an earlier one): at most 50 per address.
     */
    public Accounts accounts(int expectedLogins) {
        SourceAddresses sources = SourceAddresses.none();
        if (SourceAddresses.isLoopback(userService.getHost())) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String first = "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 200) + ".1";
            sources = SourceAddresses.loopbackRange(first, Math.max(1, (expectedLogins + LOGINS_PER_SOURCE - 1)
                    / LOGINS_PER_SOURCE + 1));
        }
        return new Accounts(http, userService, sources, loginConcurrency);
    }

    /** WebSocket connections go out from 127.0.0.2 .. 127.0.0.(sources+1) when the gateways are on loopback. */
    public SourceAddresses connectionSources() {
        boolean loopback = gateways.stream().allMatch(uri -> SourceAddresses.isLoopback(uri.getHost()));
        return loopback && sourceCount > 0 ? SourceAddresses.loopbackRange("127.0.0.2", sourceCount)
                : SourceAddresses.none();
    }

    public Fleet fleet(List<URI> targets) {
        return new Fleet(network, targets, connectionSources(), heartbeatMillis, 64);
    }

    public Network network() {
        return network;
    }

    public SimpleHttp http() {
        return http;
    }

    public List<URI> gateways() {
        return gateways;
    }

    public HopBreakdown hops() {
        return hops;
    }

    public Path out() {
        return out;
    }

    @Override
    public void close() {
        network.close();
    }
}
