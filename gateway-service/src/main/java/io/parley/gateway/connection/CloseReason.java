package io.parley.gateway.connection;

import io.parley.protocol.Protocol;
import java.util.Locale;
import org.springframework.web.reactive.socket.CloseStatus;

/** Why the gateway ends a connection, and the close status the device sees (docs/protocol.md). */
public enum CloseReason {
    /** The device closed the connection, or the network did. */
    CLIENT_CLOSED(CloseStatus.NORMAL),
    /** A newer connection of the same device took over, here or on another gateway. */
    REPLACED(new CloseStatus(Protocol.CLOSE_REPLACED, "replaced by a newer connection of this device")),
    IDLE(new CloseStatus(Protocol.CLOSE_IDLE, "idle timeout")),
    DEVICE_REVOKED(new CloseStatus(Protocol.CLOSE_DEVICE_REVOKED, "device revoked")),
    /** The gateway is shutting down; it sent {@code reconnect} first. */
    DRAINING(new CloseStatus(Protocol.CLOSE_SERVICE_RESTART, "service restart: reconnect elsewhere")),
    /** The device does not read its frames fast enough; it catches up with sync after reconnecting. */
    SLOW_CONSUMER(new CloseStatus(Protocol.CLOSE_TRY_AGAIN_LATER, "not reading: reconnect and sync")),
    /** The inbox could not be read for a sync; the device reconnects and syncs again. */
    INBOX_UNAVAILABLE(new CloseStatus(Protocol.CLOSE_TRY_AGAIN_LATER, "inbox unavailable: reconnect and sync")),
    TOO_BIG(new CloseStatus(Protocol.CLOSE_TOO_BIG, "frame too large")),
    INTERNAL(CloseStatus.SERVER_ERROR);

    private final CloseStatus status;
    private final String metricTag;

    CloseReason(CloseStatus status) {
        this.status = status;
        this.metricTag = name().toLowerCase(Locale.ROOT);
    }

    public CloseStatus status() {
        return status;
    }

    public String metricTag() {
        return metricTag;
    }
}
