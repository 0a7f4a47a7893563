package io.parley.gateway.connection;

import io.parley.connections.DeviceLocation;
import io.parley.gateway.auth.DeviceIdentity;
import io.parley.gateway.metrics.GatewayMetrics;
import io.parley.protocol.FrameCodec;
import io.parley.protocol.ServerFrame;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.publisher.Flux;

/**
 * One open WebSocket of one device: its identity, its entry in the connection registry, its bounded outbound queue
 * and how it ends. Knows nothing of the features using it (sync, send). Thread-safe: frames are queued from Netty
 * threads (answers) and gRPC threads (deliveries).
 *
 * <p>Ending is one-way: once {@link #close} or {@link #abort} ran, the connection {@linkplain #acceptsFrames accepts
 * no frame}, and a close that has not finished within the close grace is {@linkplain #cutIfClosingSince cut}: a
 * device that does not read would otherwise never take the close frame, and keep the socket.
 */
public final class DeviceConnection {

    private final DeviceLocation location;
    private final Terminator terminator;
    private final OutboundQueue outbound;
    private final FrameCodec codec;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final AtomicReference<CloseReason> closeReason = new AtomicReference<>();
    private final AtomicBoolean cut = new AtomicBoolean();
    /** When the connection started to end; far in the future while it is open. */
    private volatile long closingSinceMillis = Long.MAX_VALUE;
    private volatile Runnable whenEnding = () -> { };
    private volatile long lastFrameAtMillis;
    private volatile long registeredAtMillis;

    public DeviceConnection(DeviceLocation location, Terminator terminator, ConnectionSettings settings, FrameCodec codec,
            GatewayMetrics metrics, Clock clock) {
        this.location = location;
        this.terminator = terminator;
        this.outbound = new OutboundQueue(settings.outboundQueueFrames(), settings.outboundQueueChars(), clock::millis);
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
    public DeviceLocation location() {
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

    /**
     * Whether a frame that just arrived is to be handled, and if so notes that the connection is not idle. Once the
     * connection is ending, every frame is ignored (docs/protocol.md): nothing it asks for is done.
     */
    public boolean acceptsFrames() {
        if (closeReason.get() != null) {
            return false;
        }
        lastFrameAtMillis = clock.millis();
        return true;
    }

    public boolean idleSince(long cutoffMillis) {
        return lastFrameAtMillis < cutoffMillis;
    }

    /**
     * Whether frames have waited for the device since {@code cutoffMillis} without one being written: it stopped
     * reading. Frames it keeps sending (acks, pings) do not hide that.
     */
    public boolean notReadingSince(long cutoffMillis) {
        return outbound.stalledSince(cutoffMillis);
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

    /**
     * Ends the connection after the frames already queued are written (e.g. {@code reconnect} when draining), within
     * the close grace ({@link #cutIfClosingSince}).
     */
    public void close(CloseReason reason) {
        if (startEnding(reason)) {
            outbound.complete();
        }
    }

    /**
     * Ends the connection now, dropping queued frames: the device is not reading them anyway. Also cuts a connection
     * that is already closing (keeping the first reason).
     */
    public void abort(CloseReason reason) {
        startEnding(reason);
        cut();
    }

    /** Cuts the connection if it started to end before {@code cutoffMillis} and is still here. */
    public void cutIfClosingSince(long cutoffMillis) {
        if (closingSinceMillis < cutoffMillis) {
            cut();
        }
    }

    private boolean startEnding(CloseReason reason) {
        if (closeReason.compareAndSet(null, reason)) {
            closingSinceMillis = clock.millis();
            whenEnding.run();
            return true;
        }
        return false;
    }

    private void cut() {
        if (cut.compareAndSet(false, true)) {
            CloseReason reason = endedBecause();
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
        startEnding(CloseReason.CLIENT_CLOSED);
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
