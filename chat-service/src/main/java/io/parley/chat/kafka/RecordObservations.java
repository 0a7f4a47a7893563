package io.parley.chat.kafka;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * One observation per consumed record, continuing the trace whose context the producer put in the record's
 * headers (batch listeners get no per-record observation from Spring Kafka). Records produced while handling
 * it are sent in its scope, so the trace continues through the next topic.
 */
public final class RecordObservations {

    private final ObservationRegistry registry;

    public RecordObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    public Observation start(ConsumerRecord<?, ?> record, String listenerId, String groupId) {
        return KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
                KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record, listenerId, listenerId, groupId, () -> null),
                registry).start();
    }
}
