package io.parley.push.revocation;

import com.google.protobuf.InvalidProtocolBufferException;
import io.parley.proto.user.v1.UserEvent;
import io.parley.push.tokens.PushTokenStore;
import io.parley.push.tokens.TokenSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * A signed-out or revoked device gets no more pushes: its token is removed when user-service's {@code DeviceRevoked}
 * arrives. One consumer group for all push-service instances, from the earliest offset, committed after the
 * removals: a revocation published while push-service was down is still applied. Removal is idempotent, so a
 * redelivered event costs one delete. The device is first remembered as revoked for {@code revocation-memory}, so a
 * registration racing the event cannot keep a token (see the token API). A failed write fails the batch, which is
 * retried (never skipped). Runs on the consumer thread, which may wait.
 */
@Component
class DeviceRevocationListener {

    static final String GROUP = "push-service.user-events";
    private static final Logger log = LoggerFactory.getLogger(DeviceRevocationListener.class);
    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(30);

    private final PushTokenStore tokens;
    private final Duration revocationMemory;

    DeviceRevocationListener(PushTokenStore tokens, TokenSettings settings) {
        this.tokens = tokens;
        this.revocationMemory = settings.revocationMemory();
    }

    @KafkaListener(id = "push-user-events", autoStartup = "false", groupId = GROUP, topics = "${parley.push.topics.user-events}",
            properties = "auto.offset.reset=earliest")
    void onUserEvents(List<ConsumerRecord<String, byte[]>> records) {
        List<RevokedDevice> revoked = new ArrayList<>();
        records.forEach(record -> parse(record, revoked));
        Flux.fromIterable(revoked)
                .flatMap(device -> tokens.markRevoked(device.userId(), device.deviceId(), revocationMemory)
                        .then(tokens.remove(device.userId(), device.deviceId())), 16)
                .then()
                .block(BATCH_TIMEOUT);
        if (!revoked.isEmpty()) {
            log.debug("Push tokens of {} revoked devices removed", revoked.size());
        }
    }

    private static void parse(ConsumerRecord<String, byte[]> record, List<RevokedDevice> into) {
        try {
            UserEvent event = UserEvent.parseFrom(record.value());
            if (event.hasDeviceRevoked()) {
                into.add(new RevokedDevice(UUID.fromString(event.getUserId()),
                        UUID.fromString(event.getDeviceRevoked().getDeviceId())));
            }
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            log.warn("Skipping a malformed user event at {}-{}@{}", record.topic(), record.partition(), record.offset());
        }
    }

    private record RevokedDevice(UUID userId, UUID deviceId) {
    }
}
