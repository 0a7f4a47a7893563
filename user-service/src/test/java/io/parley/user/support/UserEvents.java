package io.parley.user.support;

import com.google.protobuf.InvalidProtocolBufferException;
import io.parley.proto.user.v1.UserEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code user-events} from the position it had when opened, as a gateway would. */
public final class UserEvents implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public UserEvents(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolves the end offsets now, so events published after this constructor are all read.
        partitions.forEach(consumer::position);
    }

    /** Polls once and returns every record seen so far that matches. */
    public List<ConsumerRecord<String, byte[]>> poll(Predicate<ConsumerRecord<String, byte[]>> matching) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().filter(matching).toList();
    }

    public static UserEvent parse(ConsumerRecord<String, byte[]> record) {
        try {
            return UserEvent.parseFrom(record.value());
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("user-events carries something that is not a UserEvent", e);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ZERO);
    }
}
