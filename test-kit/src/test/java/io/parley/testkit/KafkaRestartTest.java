package io.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.infra.kafka.KafkaServer;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tests of outages stop the shared broker and start it again: it must come back on the same port with its data. */
@Tag("integration")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class KafkaRestartTest {

    @RegisterExtension
    static final KafkaExtension KAFKA = new KafkaExtension();

    @Test
    void restartedBrokerKeepsItsAddressAndItsRecords() throws Exception {
        String topic = KAFKA.uniqueTopic("restart");
        String bootstrapServers = KAFKA.bootstrapServers();
        try (KafkaProducer<String, String> producer = KafkaExtensionTest.producer()) {
            producer.send(new ProducerRecord<>(topic, "before", "restart")).get();
        }

        KafkaServer broker = KAFKA.server();
        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        broker.start();

        assertThat(KAFKA.bootstrapServers()).isEqualTo(bootstrapServers);
        try (KafkaProducer<String, String> producer = KafkaExtensionTest.producer()) {
            producer.send(new ProducerRecord<>(topic, "after", "restart")).get();
        }
        assertThat(KafkaExtensionTest.consumeAtLeast(topic, 2))
                .extracting(consumed -> consumed.key())
                .containsExactly("before", "after");
    }
}
