package io.parley.gateway.device;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.connections.DeviceLocation;
import io.parley.gateway.auth.DeviceIdentity;
import io.parley.gateway.connection.CloseReason;
import io.parley.gateway.connection.ConnectionSettings;
import io.parley.gateway.connection.DeviceConnection;
import io.parley.gateway.connection.Terminator;
import io.parley.gateway.instance.GatewayInstanceSettings;
import io.parley.gateway.metrics.GatewayMetrics;
import io.parley.gateway.presence.Watchers;
import io.parley.gateway.ratelimit.TokenBucket;
import io.parley.gateway.receipts.DeviceReceipts;
import io.parley.gateway.receipts.ReceiptSettings;
import io.parley.gateway.send.DeviceSends;
import io.parley.gateway.sync.InboxSource;
import io.parley.gateway.sync.InboxStream;
import io.parley.gateway.sync.SyncSettings;
import io.parley.gateway.typing.ChatOpeners;
import io.parley.gateway.typing.DeviceTyping;
import io.parley.gateway.typing.TypingSettings;
import io.parley.protocol.FrameCodec;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Schedulers;

/**
 * The devices connected to this gateway instance, by connection id and by device, and each device's send rate
 * limit. The limit is per device, not per connection, so reconnecting does not refill it; it is kept after the
 * device disconnects until it has refilled anyway. It is per gateway: a device reconnecting to another gateway
 * starts there with a full bucket (docs/protocol.md).
 */
@Component
public class ConnectedDevices {

    private final Map<String, ConnectedDevice> byConnectionId = new ConcurrentHashMap<>();
    private final Map<DeviceIdentity, ConnectedDevice> byDevice = new ConcurrentHashMap<>();
    private final Map<CloseReason, Counter> disconnects = new EnumMap<>(CloseReason.class);
    private final Map<DeviceIdentity, TokenBucket> sendRateLimits = new ConcurrentHashMap<>();
    private final ConnectionSettings settings;
    private final SyncSettings sync;
    private final String gatewayId;
    private final InboxSource inbox;
    private final FrameCodec codec;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final Function<DeviceIdentity, DeviceSends> newSends;
    private final Supplier<DeviceReceipts> newReceipts;
    private final TypingSettings typing;
    private final Watchers watchers;
    private final ChatOpeners openers;

    public ConnectedDevices(ConnectionSettings settings, SyncSettings sync, ReceiptSettings receipts, TypingSettings typing,
            GatewayInstanceSettings instance, InboxSource inbox, Watchers watchers, ChatOpeners openers, FrameCodec codec,
            GatewayMetrics metrics, MeterRegistry meters, Clock clock) {
        this.typing = typing;
        this.watchers = watchers;
        this.openers = openers;
        this.settings = settings;
        this.sync = sync;
        this.gatewayId = instance.id();
        this.inbox = inbox;
        this.codec = codec;
        this.metrics = metrics;
        this.clock = clock;
        this.newSends = device -> new DeviceSends(sendRateLimits.computeIfAbsent(device,
                ignored -> new TokenBucket(clock, settings.sendRatePerSecond(), settings.sendBurst())));
        this.newReceipts = () -> new DeviceReceipts(clock, receipts);
        metrics.connectionsGauge(byConnectionId::size);
        for (CloseReason reason : CloseReason.values()) {
            disconnects.put(reason, Counter.builder("parley.gateway.disconnects").description("Connections ended, by reason")
                    .tag("reason", reason.metricTag()).register(meters));
        }
    }

    /** Connects a device; an older connection of the same device here is closed as replaced. */
    public ConnectedDevice connect(DeviceIdentity identity, Terminator terminator) {
        DeviceLocation location = new DeviceLocation(identity.userId(), identity.deviceId(), gatewayId,
                UUID.randomUUID().toString(), clock.millis());
        DeviceConnection connection = new DeviceConnection(location, terminator, settings, codec, metrics, clock);
        ConnectedDevice device = new ConnectedDevice(connection,
                frames -> new InboxStream(identity, inbox, frames, settings.syncPageSize(), settings.outboundQueueFrames(),
                        sync, Schedulers.parallel()),
                new TokenBucket(clock, sync.ratePerSecond(), sync.burst()), newSends, newReceipts,
                new DeviceTyping(new TokenBucket(clock, typing.ratePerSecond(), typing.burst())), watchers::newSubscriptions,
                openers::newOpenChats);
        byConnectionId.put(connection.id(), device);
        ConnectedDevice replaced = byDevice.put(identity, device);
        if (replaced != null) {
            replaced.connection().close(CloseReason.REPLACED);
        }
        return device;
    }

    /** Forgets a device whose connection ended; counts why it ended. */
    public void disconnected(ConnectedDevice device) {
        DeviceConnection connection = device.connection();
        if (byConnectionId.remove(connection.id(), device)) {
            byDevice.remove(connection.identity(), device);
            disconnects.get(connection.endedBecause()).increment();
        }
    }

    /** Forgets the send rate limits of devices not connected here that have refilled: they would change nothing. */
    public void forgetRestedSendRateLimits() {
        sendRateLimits.entrySet().removeIf(limit -> !byDevice.containsKey(limit.getKey()) && limit.getValue().isFull());
    }

    int sendRateLimitsKept() {
        return sendRateLimits.size();
    }

    public Optional<ConnectedDevice> byConnectionId(String connectionId) {
        return Optional.ofNullable(byConnectionId.get(connectionId));
    }

    /** The connections of one device here: at most one, except for a moment while a newer one replaces it. */
    public List<DeviceConnection> connectionsOf(DeviceIdentity identity) {
        return byConnectionId.values().stream().map(ConnectedDevice::connection)
                .filter(connection -> connection.identity().equals(identity)).toList();
    }

    public Collection<DeviceConnection> connections() {
        return byConnectionId.values().stream().map(ConnectedDevice::connection).toList();
    }

    public boolean isEmpty() {
        return byConnectionId.isEmpty();
    }

    public String gatewayId() {
        return gatewayId;
    }
}
