package io.parley.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.user.support.Api;
import io.parley.user.support.UserServiceIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The test context allows 10 attempts per username and 20 per address per minute. */
class LoginRateLimitTest extends UserServiceIntegrationTest {

    @Test
    void limitsAttemptsPerUsernameFromAnyAddress() {
        String username = Api.uniqueUsername();
        api.register(username);
        for (int attempt = 0; attempt < 10; attempt++) {
            api.loginRequest(username, "wrong password " + attempt, UUID.randomUUID(), Api.randomAddress())
                    .exchange().expectStatus().isUnauthorized();
        }

        api.loginRequest(username, Api.PASSWORD, UUID.randomUUID(), Api.randomAddress()).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().value("Retry-After", seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60))
                .expectBody().jsonPath("$.type").isEqualTo("urn:parley:problem:rate-limited");
    }

    @Test
    void limitsAttemptsPerClientAddressAcrossUsernames() {
        String address = Api.randomAddress();
        for (int attempt = 0; attempt < 20; attempt++) {
            api.loginRequest(Api.uniqueUsername(), Api.PASSWORD, UUID.randomUUID(), address).exchange().expectStatus().isUnauthorized();
        }
        String username = Api.uniqueUsername();
        api.register(username);

        api.loginRequest(username, Api.PASSWORD, UUID.randomUUID(), address).exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");
        api.loginRequest(username, Api.PASSWORD, UUID.randomUUID(), Api.randomAddress()).exchange().expectStatus().isOk();
    }
}
