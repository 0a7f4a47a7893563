package io.parley.gateway.revocation;

import com.google.protobuf.InvalidProtocolBufferException;
import io.parley.gateway.auth.DeviceIdentity;
import io.parley.gateway.connection.CloseReason;
import io.parley.gateway.connection.DeviceConnection;
import io.parley.gateway.device.ConnectedDevices;
import io.parley.proto.user.v1.UserEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Cuts the connections of a revoked device on this instance at once: close 4003, and nothing more is written or
 * handled (a signed-out device must not keep its socket by not reading). Every gateway instance reads every event
 * (its own consumer group, from the newest offset): a device's connection may be on any of them.
 */
@Component
public class DeviceRevocationListener {

    private static final Logger log = LoggerFactory.getLogger(DeviceRevocationListener.class);

    private final ConnectedDevices devices;

    public DeviceRevocationListener(ConnectedDevices devices) {
        this.devices = devices;
    }

    /** Started by {@link UserEventsSubscription} once the topic exists. */
    static final String LISTENER_ID = "gateway-user-events";

    @KafkaListener(id = LISTENER_ID, autoStartup = "false", topics = "${parley.gateway.user-events.topic}", groupId = "gateway-${parley.gateway.instance.id}",
            properties = {"auto.offset.reset=latest",
                    "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
                    "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer"})
    public void onUserEvent(byte[] payload) {
        UserEvent event;
        try {
            event = UserEvent.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            log.warn("Skipping a malformed user event: {}", e.getMessage());
            return;
        }
        if (event.hasDeviceRevoked()) {
            DeviceIdentity device = new DeviceIdentity(event.getUserId(), event.getDeviceRevoked().getDeviceId());
            for (DeviceConnection connection : devices.connectionsOf(device)) {
                log.info("Closing {}: device revoked ({})", connection, event.getDeviceRevoked().getReason());
                connection.abort(CloseReason.DEVICE_REVOKED);
            }
        }
    }
}
