package io.parley.bench.device;

import io.parley.bench.accounts.DeviceLogin;
import io.parley.bench.net.Network;
import io.parley.bench.net.SourceAddresses;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Opens many device connections with a bounded number of handshakes in flight, spread over gateways in turn. */
public final class Fleet {

    private final Network network;
    private final List<URI> gateways;
    private final SourceAddresses sources;
    private final long heartbeatMillis;
    private final Semaphore handshakes;

    public Fleet(Network network, List<URI> gateways, SourceAddresses sources, long heartbeatMillis,
            int concurrentHandshakes) {
        this.network = network;
        this.gateways = gateways;
        this.sources = sources;
        this.heartbeatMillis = heartbeatMillis;
        this.handshakes = new Semaphore(concurrentHandshakes);
    }

    /** Connects device {@code i} of {@code logins} to gateway {@code i mod gateways}; waits for every hello. */
    public List<DeviceConnection> connect(List<DeviceLogin> logins, IntFunction<DeviceListener> listeners) {
        List<CompletableFuture<DeviceConnection>> pending = new ArrayList<>(logins.size());
        for (int i = 0; i < logins.size(); i++) {
            pending.add(connect(logins.get(i), gateways.get(i % gateways.size()), listeners.apply(i)));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    /** Connects one device (blocks while too many handshakes are in flight). */
    public CompletableFuture<DeviceConnection> connect(DeviceLogin login, URI gateway, DeviceListener listener) {
        handshakes.acquireUninterruptibly();
        return DeviceConnection.connect(network, gateway, login.accessToken(), sources.next(), listener, heartbeatMillis)
                .whenComplete((device, failure) -> handshakes.release());
    }

    /** Sends {@code sync} from cursor 0 on every device and waits until each answered {@code synced}. */
    public static void syncAll(List<DeviceConnection> devices, CountDownLatch synced, long timeoutSeconds) {
        devices.forEach(device -> device.sync(0));
        await(synced, timeoutSeconds, "devices never answered synced");
    }

    /** Waits for {@code latch}, failing with its remaining count and {@code what} after the timeout. */
    public static void await(CountDownLatch latch, long timeoutSeconds, String what) {
        try {
            if (!latch.await(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException(latch.getCount() + " " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
