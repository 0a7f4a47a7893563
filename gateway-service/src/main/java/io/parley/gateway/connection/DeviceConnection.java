package io.parley.gateway.connection;

import io.parley.gateway.auth.DeviceIdentity;
import io.parley.gateway.metrics.GatewayMetrics;
import io.parley.gateway.send.SendOrder;
import io.parley.gateway.send.TokenBucket;
import io.parley.gateway.sync.FrameSink;
import io.parley.gateway.sync.InboxSource;
import io.parley.gateway.sync.InboxStream;
import io.parley.protocol.FrameCodec;
import io.parley.protocol.ServerFrame;
import io.parley.sessions.DeviceSession;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.publisher.Flux;

/**
 * One open WebSocket of one device: its identity, its bounded outbound queue, its place in the user's inbox and
 * its send rate limit. Thread-safe: frames are queued from Netty threads (answers) and gRPC threads (deliveries).
 */
public final class DeviceConnection implements FrameSink {

    private static final Logger log = LoggerFactory.getLogger(DeviceConnection.class);

    private final DeviceSession session;
    private final Terminator terminator;
    private final OutboundQueue outbound;
    private final InboxStream inbox;
    private final TokenBucket sendBucket;
    private final SendOrder sendOrder = new SendOrder();
    private final FrameCodec codec;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final AtomicReference<CloseReason> closeReason = new AtomicReference<>();
    private volatile long lastFrameAtMillis;
    private volatile long registeredAtMillis;

    DeviceConnection(DeviceSession session, Terminator terminator, ConnectionSettings settings, InboxSource inboxSource,
            FrameCodec codec, GatewayMetrics metrics, Clock clock) {
        this.session = session;
        this.terminator = terminator;
        this.outbound = new OutboundQueue(settings.outboundQueueFrames(), settings.outboundQueueChars());
        this.inbox = new InboxStream(identity(), inboxSource, this, settings.syncPageSize(), settings.outboundQueueFrames());
        this.sendBucket = new TokenBucket(clock, settings.sendRatePerSecond(), settings.sendBurst());
        this.codec = codec;
        this.metrics = metrics;
        this.clock = clock;
        this.lastFrameAtMillis = clock.millis();
        this.registeredAtMillis = clock.millis();
    }

    public String id() {
        return session.connectionId();
    }

    public DeviceIdentity identity() {
        return new DeviceIdentity(session.userId(), session.deviceId());
    }

    /** This connection's entry in the session registry. */
    public DeviceSession session() {
        return session;
    }

    public InboxStream inbox() {
        return inbox;
    }

    public SendOrder sendOrder() {
        return sendOrder;
    }

    public TokenBucket sendBucket() {
        return sendBucket;
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
    @Override
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

    @Override
    public void force(ServerFrame frame) {
        if (outbound.force(codec.encode(frame))) {
            metrics.frameOut(frame.type());
        }
    }

    @Override
    public void whenRoomForPage(Runnable action) {
        outbound.whenHalfEmpty(action);
    }

    @Override
    public void inboxUnavailable(Throwable cause) {
        log.warn("Closing connection {} of user {}: its inbox could not be read: {}", id(), session.userId(),
                cause.toString());
        close(CloseReason.INBOX_UNAVAILABLE);
    }

    /** Ends the connection after the frames already queued are written (e.g. {@code reconnect} when draining). */
    public void close(CloseReason reason) {
        if (closeReason.compareAndSet(null, reason)) {
            inbox.close();
            outbound.complete();
        }
    }

    /** Ends the connection now, dropping queued frames: the device is not reading them anyway. */
    public void abort(CloseReason reason) {
        if (closeReason.compareAndSet(null, reason)) {
            inbox.close();
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
    CloseReason endedBecause() {
        CloseReason reason = closeReason.get();
        return reason != null ? reason : CloseReason.CLIENT_CLOSED;
    }

    /** The device (or the network) closed the connection: stop queueing for it. */
    public void inboundEnded() {
        closeReason.compareAndSet(null, CloseReason.CLIENT_CLOSED);
        inbox.close();
        outbound.complete();
    }

    @Override
    public String toString() {
        return "connection " + id() + " of user " + session.userId() + " device " + session.deviceId();
    }

    /** Ends the outbound stream of an aborted connection. */
    public static final class ConnectionAborted extends RuntimeException {
        ConnectionAborted(CloseReason reason) {
            super(reason.name(), null, false, false);
        }
    }
}
