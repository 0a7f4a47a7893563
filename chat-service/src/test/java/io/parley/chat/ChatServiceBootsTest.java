package io.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.testkit.ServiceBootChecks;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The service starts against real infrastructure and reports itself healthy, live, ready and measured. */
class ChatServiceBootsTest extends ChatServiceIntegrationTest implements ServiceBootChecks {

    @Test
    void exposesPipelineAndKafkaClientMetricsTaggedWithTheService() {
        String alice = newUser();
        String bob = newUser();
        send(alice, "phone", chatOf(alice, bob), "metered", "hello");
        awaitInbox(bob, 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(prometheus())
                .contains("jvm_memory_used_bytes", "service=\"chat-service\"")
                .contains("parley_chat_send_latency_seconds_bucket", "outcome=\"sent\"")
                .contains("parley_chat_sequencing_latency_seconds_count")
                .contains("parley_chat_inbox_latency_seconds_count")
                .contains("parley_chat_fanout_deliveries_total", "outcome=\"push\"")
                .contains("kafka_consumer_fetch_manager_records_lag")
                .contains("kafka_producer_record_send_total"));
    }

    private String prometheus() {
        // The page outgrows WebClient's default 256 KiB buffer with every percentile histogram.
        return http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
