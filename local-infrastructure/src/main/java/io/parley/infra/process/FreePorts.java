package io.parley.infra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Free TCP ports on the loopback interface, never the same one twice in this JVM. */
public final class FreePorts {

    public static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static final int MAX_ATTEMPTS = 50;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A port the operating system considers free now and that this JVM has not handed out before. */
    public static int allocate() {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int port = ephemeralPort();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port found on " + LOOPBACK + " after " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * Whether a server could listen on the port now. Sockets of a previous run lingering in TIME_WAIT do not count
     * as taken: the servers bind with SO_REUSEADDR, as this check does.
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Claims a known port for this JVM, so that {@link #allocate()} does not hand it out. */
    static void claim(int port) {
        HANDED_OUT.add(port);
    }

    private static int ephemeralPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(LOOPBACK, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a socket on " + LOOPBACK, e);
        }
    }
}
