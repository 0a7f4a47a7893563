package io.parley.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.user.support.UserServiceIntegrationTest;
import org.junit.jupiter.api.Test;

/** The service starts against real infrastructure and reports itself healthy, live, ready and measured. */
class UserServiceBootsTest extends UserServiceIntegrationTest {

    @Test
    void reportsHealthLivenessAndReadinessUp() {
        for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            api.http().get().uri(probe).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void exposesPrometheusMetricsTaggedWithTheService() {
        // The scrape is larger than the request-body limit the test client inherits from the service.
        api.http().mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("jvm_memory_used_bytes").contains("service=\"user-service\""));
    }

    @Test
    void servesItsOpenApiDescriptionWithoutAToken() {
        api.http().get().uri("/v1/openapi").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("Parley user-service")
                .jsonPath("$.paths['/v1/accounts'].post").exists()
                .jsonPath("$.paths['/v1/users/{userId}/keys'].get").exists();
        api.http().get().uri("/v1/openapi.yaml").exchange().expectStatus().isOk()
                .expectBody(String.class).value(yaml -> assertThat(yaml).startsWith("openapi: 3."));
    }
}
