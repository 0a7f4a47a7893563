package io.parley.gateway.connection;

import io.parley.gateway.auth.DeviceIdentity;
import io.parley.gateway.metrics.GatewayMetrics;
import io.parley.gateway.session.GatewayInstanceSettings;
import io.parley.gateway.sync.InboxSource;
import io.parley.protocol.FrameCodec;
import io.parley.sessions.DeviceSession;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The connections open on this gateway instance, by connection id and by device. */
@Component
public class Connections {

    private final Map<String, DeviceConnection> byId = new ConcurrentHashMap<>();
    private final Map<DeviceIdentity, DeviceConnection> byDevice = new ConcurrentHashMap<>();
    private final ConnectionSettings settings;
    private final String gatewayId;
    private final InboxSource inbox;
    private final FrameCodec codec;
    private final GatewayMetrics metrics;
    private final Clock clock;

    public Connections(ConnectionSettings settings, GatewayInstanceSettings instance, InboxSource inbox, FrameCodec codec,
            GatewayMetrics metrics, Clock clock) {
        this.settings = settings;
        this.gatewayId = instance.id();
        this.inbox = inbox;
        this.codec = codec;
        this.metrics = metrics;
        this.clock = clock;
        metrics.connectionsGauge(byId::size);
    }

    /** Opens a connection for a device; an older connection of the same device here is closed as replaced. */
    public DeviceConnection open(DeviceIdentity device, Terminator terminator) {
        DeviceSession session = new DeviceSession(device.userId(), device.deviceId(), gatewayId,
                UUID.randomUUID().toString(), clock.millis());
        DeviceConnection connection = new DeviceConnection(session, terminator, settings, inbox, codec, metrics, clock);
        byId.put(connection.id(), connection);
        DeviceConnection replaced = byDevice.put(device, connection);
        if (replaced != null) {
            replaced.close(CloseReason.REPLACED);
        }
        return connection;
    }

    /** Forgets a connection that ended; counts why it ended. */
    public void ended(DeviceConnection connection) {
        if (byId.remove(connection.id(), connection)) {
            byDevice.remove(connection.identity(), connection);
            metrics.disconnected(connection.endedBecause());
        }
    }

    public Optional<DeviceConnection> byId(String connectionId) {
        return Optional.ofNullable(byId.get(connectionId));
    }

    /** The connections of one device here: at most one, except for a moment while a newer one replaces it. */
    public List<DeviceConnection> ofDevice(DeviceIdentity device) {
        return byId.values().stream().filter(connection -> connection.identity().equals(device)).toList();
    }

    public Collection<DeviceConnection> all() {
        return List.copyOf(byId.values());
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public String gatewayId() {
        return gatewayId;
    }
}
