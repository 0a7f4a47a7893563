package io.parley.gateway;

import io.parley.testkit.ServiceBootChecks;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service starts against real infrastructure and reports itself healthy, live, ready and measured. */
class GatewayServiceBootsTest extends GatewayIntegrationTest implements ServiceBootChecks {

    @Autowired
    WebTestClient http;

    @Override
    public List<String> serviceMetrics() {
        return List.of("parley_gateway_connections", "parley_gateway_frames_in_total");
    }

    @Test
    void servesNothingButTheWebSocketAndTheProbes() {
        http.get().uri("/v1/anything-else").exchange().expectStatus().isUnauthorized();
    }
}
