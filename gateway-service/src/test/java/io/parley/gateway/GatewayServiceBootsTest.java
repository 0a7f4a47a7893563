package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service starts against real infrastructure and reports itself healthy, live, ready and measured. */
class GatewayServiceBootsTest extends GatewayIntegrationTest {

    @Autowired
    WebTestClient http;

    @Test
    void reportsHealthLivenessAndReadinessUp() {
        for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            http.get().uri(probe).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void exposesPrometheusMetricsTaggedWithTheService() {
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("jvm_memory_used_bytes").contains("service=\"gateway-service\"")
                        .contains("parley_gateway_connections").contains("parley_gateway_frames_in_total"));
    }

    @Test
    void servesNothingButTheWebSocketAndTheProbes() {
        http.get().uri("/v1/anything-else").exchange().expectStatus().isUnauthorized();
    }
}
