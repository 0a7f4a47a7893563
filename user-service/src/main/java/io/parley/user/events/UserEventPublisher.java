package io.parley.user.events;

import io.parley.proto.user.v1.DeviceRevoked;
import io.parley.proto.user.v1.UserEvent;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Publishes {@link UserEvent}s on {@code user-events}, keyed by user id; completes once Kafka acknowledged (acks=all). */
@Component
public class UserEventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;

    UserEventPublisher(KafkaTemplate<String, byte[]> kafka, UserEventTopic topic) {
        this.kafka = kafka;
        this.topic = topic.userEvents().name();
    }

    public Mono<Void> deviceRevoked(UUID eventId, UUID userId, UUID deviceId, DeviceRevoked.Reason reason, Instant at) {
        UserEvent event = UserEvent.newBuilder()
                .setEventId(eventId.toString())
                .setUserId(userId.toString())
                .setOccurredAtEpochMillis(at.toEpochMilli())
                .setDeviceRevoked(DeviceRevoked.newBuilder().setDeviceId(deviceId.toString()).setReason(reason))
                .build();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, userId.toString(), event.toByteArray());
        return Mono.fromFuture(() -> kafka.send(record)).then();
    }
}
