package io.parley.bench.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Local addresses to bind outgoing connections to, taken in turn. Every 127.x.y.z is this machine, so spreading
 * connections over several of them lifts the per-source ephemeral port limit and a per-address login limit.
 * Binding is only possible (and only done) when the target itself is on loopback.
 */
public final class SourceAddresses {

    private final List<InetAddress> addresses;
    private final AtomicInteger next = new AtomicInteger();

    private SourceAddresses(List<InetAddress> addresses) {
        this.addresses = addresses;
    }

    /** Do not bind: the operating system picks the source address. */
    public static SourceAddresses none() {
        return new SourceAddresses(List.of());
    }

    /** {@code count} addresses 127.a.b.c counting up from {@code first} (which must be 127.x.y.z). */
    public static SourceAddresses loopbackRange(String first, int count) {
        byte[] start;
        try {
            start = InetAddress.getByName(first).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an address: " + first, e);
        }
        if (start.length != 4 || start[0] != 127) {
            throw new IllegalArgumentException("Source addresses must be on 127.0.0.0/8: " + first);
        }
        long base = ((start[1] & 0xffL) << 16) | ((start[2] & 0xffL) << 8) | (start[3] & 0xffL);
        List<InetAddress> list = new ArrayList<>(count);
        for (long i = 0; list.size() < count; i++) {
            long v = base + i;
            if (v > 0xffffffL) {
                throw new IllegalArgumentException("Too many source addresses after " + first);
            }
            if ((v & 0xff) == 0 || (v & 0xff) == 0xff) {
                continue;
            }
            try {
                list.add(InetAddress.getByAddress(new byte[] {127, (byte) (v >> 16), (byte) (v >> 8), (byte) v}));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return new SourceAddresses(List.copyOf(list));
    }

    /** The next address to bind to, or null to let the operating system choose. */
    public InetSocketAddress next() {
        if (addresses.isEmpty()) {
            return null;
        }
        return new InetSocketAddress(addresses.get(Math.floorMod(next.getAndIncrement(), addresses.size())), 0);
    }

    public int size() {
        return addresses.size();
    }

    /** True if connections to {@code host} can be bound to loopback source addresses. */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
