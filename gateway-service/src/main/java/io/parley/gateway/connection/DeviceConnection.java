package io.parley.gateway.connection;

import io.parley.gateway.auth.DeviceIdentity;
import io.parley.gateway.metrics.GatewayMetrics;
import io.parley.protocol.FrameCodec;
import io.parley.protocol.ServerFrame;
import io.parley.sessions.DeviceSession;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.publisher.Flux;

/**
 * One open WebSocket of one device: its identity, its entry in the connection registry, its bounded outbound queue
 * and how it ends. Knows nothing of the features using it (sync, send). Thread-safe: frames are queued from Netty
 * threads (answers) and gRPC threads (deliveries).
 */
public final class DeviceConnection {

    private final DeviceSession location;
    private final Terminator terminator;
    private final OutboundQueue outbound;
    private final FrameCodec codec;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final AtomicReference<CloseReason> closeReason = new AtomicReference<>();
    private volatile Runnable whenEnding = () -> { };
    private volatile long lastFrameAtMillis;
    private volatile long registeredAtMillis;

    public DeviceConnection(DeviceSession location, Terminator terminator, ConnectionSettings settings, FrameCodec codec,
            GatewayMetrics metrics, Clock clock) {
        this.location = location;
        this.terminator = terminator;
        this.outbound = new OutboundQueue(settings.outboundQueueFrames(), settings.outboundQueueChars());
        this.codec = codec;
        this.metrics = metrics;
        this.clock = clock;
        this.lastFrameAtMillis = clock.millis();
        this.registeredAtMillis = clock.millis();
    }

    public String id() {
        return location.connectionId();
    }

    public DeviceIdentity identity() {
        return new DeviceIdentity(location.userId(), location.deviceId());
    }

    /** Where the connection registry says this device is connected: this gateway, this connection. */
    public DeviceSession location() {
        return location;
    }

    /** Runs {@code action} once, when the connection starts to end for any reason. Set it before the first frame. */
    public void whenEnding(Runnable action) {
        this.whenEnding = action;
    }

    /** The frames to write, for the socket's send side. */
    public Flux<String> outboundFrames() {
        return outbound.frames();
    }

    /** Whether nothing has started to end the connection yet. */
    public boolean isOpen() {
        return closeReason.get() == null;
    }

    /** A frame arrived: the connection is not idle. */
    public void frameReceived() {
        lastFrameAtMillis = clock.millis();
    }

    public boolean idleSince(long cutoffMillis) {
        return lastFrameAtMillis < cutoffMillis;
    }

    public boolean registrationDue(long cutoffMillis) {
        return registeredAtMillis < cutoffMillis;
    }

    public void registrationRefreshed() {
        registeredAtMillis = clock.millis();
    }

    /** Queues a frame; a device too slow to take it is disconnected (it catches up with sync later). */
    public boolean offer(ServerFrame frame) {
        if (outbound.offer(codec.encode(frame))) {
            metrics.frameOut(frame.type());
            return true;
        }
        if (closeReason.get() == null) {
            abort(CloseReason.SLOW_CONSUMER);
        }
        return false;
    }

    /** Queues a frame beyond the bound: only for sync pages, fetched when {@link #whenRoomForPage} says so. */
    public void force(ServerFrame frame) {
        if (outbound.force(codec.encode(frame))) {
            metrics.frameOut(frame.type());
        }
    }

    /** Runs {@code action} once the outbound queue is at most half full. */
    public void whenRoomForPage(Runnable action) {
        outbound.whenHalfEmpty(action);
    }

    /** Ends the connection after the frames already queued are written (e.g. {@code reconnect} when draining). */
    public void close(CloseReason reason) {
        if (closeReason.compareAndSet(null, reason)) {
            whenEnding.run();
            outbound.complete();
        }
    }

    /** Ends the connection now, dropping queued frames: the device is not reading them anyway. */
    public void abort(CloseReason reason) {
        if (closeReason.compareAndSet(null, reason)) {
            whenEnding.run();
            outbound.abort(new ConnectionAborted(reason));
            terminator.terminate(reason.status());
        }
    }

    /** The status to close with once the outbound side completes. */
    public CloseStatus closeStatus() {
        CloseReason reason = closeReason.get();
        return reason != null ? reason.status() : CloseStatus.NORMAL;
    }

    /** Why the connection ended; {@link CloseReason#CLIENT_CLOSED} when the gateway did not end it. */
    public CloseReason endedBecause() {
        CloseReason reason = closeReason.get();
        return reason != null ? reason : CloseReason.CLIENT_CLOSED;
    }

    /** The device (or the network) closed the connection: stop queueing for it. */
    public void inboundEnded() {
        if (closeReason.compareAndSet(null, CloseReason.CLIENT_CLOSED)) {
            whenEnding.run();
        }
        outbound.complete();
    }

    @Override
    public String toString() {
        return "connection " + id() + " of user " + location.userId() + " device " + location.deviceId();
    }

    /** Ends the outbound stream of an aborted connection. */
    public static final class ConnectionAborted extends RuntimeException {
        ConnectionAborted(CloseReason reason) {
            super(reason.name(), null, false, false);
        }
    }
}
