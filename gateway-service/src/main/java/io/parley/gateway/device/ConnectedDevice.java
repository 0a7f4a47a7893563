package io.parley.gateway.device;

import io.parley.gateway.connection.CloseReason;
import io.parley.gateway.auth.DeviceIdentity;
import io.parley.gateway.connection.DeviceConnection;
import io.parley.gateway.presence.PresenceSubscriptions;
import io.parley.gateway.ratelimit.TokenBucket;
import io.parley.gateway.receipts.DeviceReceipts;
import io.parley.gateway.send.DeviceSends;
import io.parley.gateway.sync.FrameSink;
import io.parley.gateway.sync.InboxStream;
import io.parley.gateway.typing.DeviceTyping;
import io.parley.gateway.typing.OpenChats;
import io.parley.protocol.ServerFrame;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device connected to this gateway: its connection, and what the features keep for it (its place in the inbox,
 * its send limits). The one place that ties them together, so that the features never import each other.
 */
public final class ConnectedDevice implements FrameSink {

    private static final Logger log = LoggerFactory.getLogger(ConnectedDevice.class);

    private final DeviceConnection connection;
    private final InboxStream inbox;
    private final TokenBucket syncRateLimit;
    private final Function<DeviceIdentity, DeviceSends> newSends;
    private final Supplier<DeviceReceipts> newReceipts;
    private final DeviceTyping typing;
    private final PresenceSubscriptions presence;
    private final OpenChats openChats;
    /** Made on the first send: most connections are idle most of the time. */
    private volatile DeviceSends sends;
    /** Made on the first ack or read. */
    private volatile DeviceReceipts receipts;

    ConnectedDevice(DeviceConnection connection, Function<FrameSink, InboxStream> newInbox, TokenBucket syncRateLimit,
            Function<DeviceIdentity, DeviceSends> newSends, Supplier<DeviceReceipts> newReceipts, DeviceTyping typing,
            Function<DeviceConnection, PresenceSubscriptions> newPresence, Function<DeviceConnection, OpenChats> newOpenChats) {
        this.connection = connection;
        this.inbox = newInbox.apply(this);
        this.syncRateLimit = syncRateLimit;
        this.newSends = newSends;
        this.newReceipts = newReceipts;
        this.typing = typing;
        this.presence = newPresence.apply(connection);
        this.openChats = newOpenChats.apply(connection);
        connection.whenEnding(() -> {
            inbox.close();
            presence.close();
            openChats.closeAll();
        });
    }

    public DeviceConnection connection() {
        return connection;
    }

    public InboxStream inbox() {
        return inbox;
    }

    /** Whether this connection may start another sync now. */
    public boolean maySync() {
        return syncRateLimit.tryAcquire();
    }

    public DeviceTyping typing() {
        return typing;
    }

    /** The users this connection watches: the 1:1 chats it has open. */
    public PresenceSubscriptions presence() {
        return presence;
    }

    /** The chats this connection shows ({@code open_chat}). */
    public OpenChats openChats() {
        return openChats;
    }

    public DeviceSends sends() {
        DeviceSends current = sends;
        if (current == null) {
            synchronized (this) {
                current = sends;
                if (current == null) {
                    current = newSends.apply(connection.identity());
                    sends = current;
                }
            }
        }
        return current;
    }

    public DeviceReceipts receipts() {
        DeviceReceipts current = receipts;
        if (current == null) {
            synchronized (this) {
                current = receipts;
                if (current == null) {
                    current = newReceipts.get();
                    receipts = current;
                }
            }
        }
        return current;
    }

    @Override
    public boolean offer(ServerFrame frame) {
        return connection.offer(frame);
    }

    @Override
    public void force(ServerFrame frame) {
        connection.force(frame);
    }

    @Override
    public void whenRoomForPage(Runnable action) {
        connection.whenRoomForPage(action);
    }

    @Override
    public void inboxUnavailable(Throwable cause) {
        log.warn("Closing {}: its inbox could not be read: {}", connection, cause.toString());
        connection.close(CloseReason.INBOX_UNAVAILABLE);
    }

    @Override
    public String toString() {
        return connection.toString();
    }
}
