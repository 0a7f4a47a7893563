package io.parley.push.delivery;

import com.google.protobuf.InvalidProtocolBufferException;
import io.parley.proto.chat.v1.PushRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;

/**
 * Consumes {@code push-requests} in batches and returns only when every request of the batch reached its outcome, so
 * the batch's offsets are committed after the pushes (ack mode batch): a crash replays the batch instead of losing
 * it, and the sent markers keep the replay from pushing twice. A batch that fails (registry unreachable) or outlives
 * its deadline is retried whole by the error handler. Runs on the consumer thread, which may wait.
 * A request held for its collapse window's end counts as an outcome: it is stored before the batch returns, and
 * the instance assigned its partition closes the windows held there ({@link PushDelivery#resume}).
 */
class PushRequestListener implements ConsumerSeekAware {

    static final String GROUP = "push-service.push-requests";
    private static final Logger log = LoggerFactory.getLogger(PushRequestListener.class);

    private final PushDelivery delivery;

    PushRequestListener(PushDelivery delivery) {
        this.delivery = delivery;
    }

    @KafkaListener(id = "push-requests", autoStartup = "false", groupId = GROUP, topics = "${parley.push.topics.push-requests}")
    void onRequests(List<ConsumerRecord<String, byte[]>> records) {
        Map<Integer, List<PushRequest>> requests = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                PushRequest request = PushRequest.parseFrom(record.value());
                requests.computeIfAbsent(record.partition(), partition -> new ArrayList<>()).add(request);
            } catch (InvalidProtocolBufferException e) {
                log.warn("Skipping a malformed push request at {}-{}@{}", record.topic(), record.partition(), record.offset());
            }
        }
        delivery.deliverAll(requests).block(delivery.batchDeadline());
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        delivery.resume(assignments.keySet().stream().map(TopicPartition::partition).toList());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        delivery.suspend(partitions.stream().map(TopicPartition::partition).toList());
    }
}
