package io.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("integration")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KafkaExtensionTest {

    @RegisterExtension
    static final KafkaExtension KAFKA = new KafkaExtension();

    @Test
    void recordsProducedToAUniqueTopicAreConsumedInOrderPerKey() throws Exception {
        String topic = KAFKA.uniqueTopic("chat.messages", 3);

        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, "conversation-" + (i % 2), "message-" + i)).get();
            }
        }

        List<ConsumerRecord<String, String>> received = consumeAtLeast(topic, 10);
        assertThat(received).hasSize(10);
        assertThat(received)
                .filteredOn(consumed -> consumed.key().equals("conversation-0"))
                .extracting(ConsumerRecord::value)
                .containsExactly("message-0", "message-2", "message-4", "message-6", "message-8");
    }

    @Test
    void eachUniqueTopicIsNewAndHasTheRequestedPartitions() {
        String first = KAFKA.uniqueTopic("receipts", 4);
        String second = KAFKA.uniqueTopic("receipts", 4);

        assertThat(first).startsWith("receipts-").isNotEqualTo(second);
        try (KafkaProducer<String, String> producer = producer()) {
            assertThat(producer.partitionsFor(first)).hasSize(4);
        }
    }

    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    static List<ConsumerRecord<String, String>> consumeAtLeast(String topic, int count) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            // Bounded by the class's @Timeout; poll() itself waits for records.
            while (received.size() < count) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
            return received;
        }
    }
}
