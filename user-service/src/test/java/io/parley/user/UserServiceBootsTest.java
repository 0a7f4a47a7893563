package io.parley.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.testkit.ServiceBootChecks;
import io.parley.user.support.UserServiceIntegrationTest;
import org.junit.jupiter.api.Test;

/** The service starts against real infrastructure and reports itself healthy, live, ready and measured. */
class UserServiceBootsTest extends UserServiceIntegrationTest implements ServiceBootChecks {

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
