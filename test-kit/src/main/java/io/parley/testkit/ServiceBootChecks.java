package io.parley.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every service shows once it has started against real infrastructure: healthy, live and ready probes,
 * and Prometheus metrics tagged with its name. A service's boot test is its infrastructure and this interface:
 *
 * <pre>{@code
 * @ServiceBootTest
 * class PresenceServiceBootsTest implements ServiceBootChecks {
 *     @RegisterExtension
 *     static final RedisExtension REDIS = new RedisExtension();
 *
 *     @DynamicPropertySource
 *     static void infrastructure(DynamicPropertyRegistry registry) {
 *         registry.add("parley.redis.url", REDIS::uri);
 *     }
 * }
 * }</pre>
 *
 * A service whose integration tests share a base class with its own {@code @SpringBootTest} extends that base
 * and implements this interface; the base must auto-configure a WebTestClient.
 */
public interface ServiceBootChecks {

    /** Metric names this service must expose besides the JVM's; none by default. */
    default List<String> serviceMetrics() {
        return List.of();
    }

    /** The health endpoints answer anyone, so they say UP or DOWN and nothing about the servers behind them. */
    @Test
    default void reportsHealthLivenessAndReadinessUp(@Autowired WebTestClient http) {
        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            patient(http).get().uri(probe).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.status").isEqualTo("UP")
                    .jsonPath("$.components").doesNotExist()
                    .jsonPath("$.details").doesNotExist();
        }
    }

    @Test
    default void exposesPrometheusMetricsTaggedWithTheService(@Autowired WebTestClient http,
            @Value("${spring.application.name}") String service) {
        String scrape = patient(http).get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        List<String> expected = new ArrayList<>(List.of("jvm_memory_used_bytes", "service=\"" + service + "\""));
        expected.addAll(serviceMetrics());
        for (String text : expected) {
            assertTrue(scrape != null && scrape.contains(text), () -> "the Prometheus scrape lacks " + text);
        }
    }

    /**
     * A client that waits out a busy machine (health checks reach every server; the default 5 s is too short on
     * two loaded cores) and reads a whole scrape (larger than the body limit it may inherit from the service).
     */
    private static WebTestClient patient(WebTestClient http) {
        return http.mutate().responseTimeout(Duration.ofSeconds(60))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
    }
}
