package io.parley.gateway.device;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.gateway.auth.DeviceIdentity;
import io.parley.gateway.connection.CloseReason;
import io.parley.gateway.connection.ConnectionSettings;
import io.parley.gateway.connection.DeviceConnection;
import io.parley.gateway.connection.Terminator;
import io.parley.gateway.instance.GatewayInstanceSettings;
import io.parley.gateway.metrics.GatewayMetrics;
import io.parley.gateway.send.DeviceSends;
import io.parley.gateway.sync.InboxSource;
import io.parley.protocol.FrameCodec;
import io.parley.sessions.DeviceSession;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** The devices connected to this gateway instance, by connection id and by device. */
@Component
public class ConnectedDevices {

    private final Map<String, ConnectedDevice> byConnectionId = new ConcurrentHashMap<>();
    private final Map<DeviceIdentity, ConnectedDevice> byDevice = new ConcurrentHashMap<>();
    private final Map<CloseReason, Counter> disconnects = new EnumMap<>(CloseReason.class);
    private final ConnectionSettings settings;
    private final String gatewayId;
    private final InboxSource inbox;
    private final FrameCodec codec;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final Supplier<DeviceSends> newSends;

    public ConnectedDevices(ConnectionSettings settings, GatewayInstanceSettings instance, InboxSource inbox,
            FrameCodec codec, GatewayMetrics metrics, MeterRegistry meters, Clock clock) {
        this.settings = settings;
        this.gatewayId = instance.id();
        this.inbox = inbox;
        this.codec = codec;
        this.metrics = metrics;
        this.clock = clock;
        this.newSends = () -> new DeviceSends(clock, settings.sendRatePerSecond(), settings.sendBurst());
        metrics.connectionsGauge(byConnectionId::size);
        for (CloseReason reason : CloseReason.values()) {
            disconnects.put(reason, Counter.builder("parley.gateway.disconnects").description("Connections ended, by reason")
                    .tag("reason", reason.metricTag()).register(meters));
        }
    }

    /** Connects a device; an older connection of the same device here is closed as replaced. */
    public ConnectedDevice connect(DeviceIdentity identity, Terminator terminator) {
        DeviceSession location = new DeviceSession(identity.userId(), identity.deviceId(), gatewayId,
                UUID.randomUUID().toString(), clock.millis());
        DeviceConnection connection = new DeviceConnection(location, terminator, settings, codec, metrics, clock);
        ConnectedDevice device = new ConnectedDevice(connection, inbox, settings.syncPageSize(),
                settings.outboundQueueFrames(), newSends);
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
