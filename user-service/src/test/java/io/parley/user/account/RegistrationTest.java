package io.parley.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.user.support.Api;
import io.parley.user.support.ConcurrentRequests;
import io.parley.user.support.UserServiceIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class RegistrationTest extends UserServiceIntegrationTest {

    @Test
    void registersAUsernameCaseInsensitively() {
        String username = Api.uniqueUsername();

        api.http().post().uri("/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", Api.randomAddress())
                .bodyValue(Map.of("username", username.toUpperCase(), "password", Api.PASSWORD, "displayName", " Ada "))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/v1/users/"))
                .expectBody()
                .jsonPath("$.username").isEqualTo(username)
                .jsonPath("$.displayName").isEqualTo("Ada");

        api.http().post().uri("/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", Api.randomAddress())
                .bodyValue(Map.of("username", username, "password", Api.PASSWORD, "displayName", "Other"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:parley:problem:username-taken")
                .jsonPath("$.errors[0].field").isEqualTo("username");
    }

    @Test
    void fiftyConcurrentRegistrationsOfOneNameHaveExactlyOneWinner() {
        String username = Api.uniqueUsername();

        List<Integer> statuses = ConcurrentRequests.statuses(baseUrl(), 50, (client, i) -> client.post().uri("/v1/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", Api.randomAddress())
                .bodyValue(Map.of("username", i % 2 == 0 ? username : username.toUpperCase(),
                        "password", Api.PASSWORD, "displayName", "Racer " + i)));

        assertThat(statuses).hasSize(50);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(49);
    }

    @Test
    void registrationsBeyondTheLimitOfOneAddressAreRefusedWith429AndCreateNothing() {
        String address = Api.randomAddress();
        for (int i = 0; i < 5; i++) {
            register(Api.uniqueUsername(), address).expectStatus().isCreated();
        }
        String refused = Api.uniqueUsername();

        register(refused, address).expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:parley:problem:rate-limited");

        // the refused attempt claimed nothing: the name is still free
        register(refused, Api.randomAddress()).expectStatus().isCreated();
    }

    private WebTestClient.ResponseSpec register(String username, String clientAddress) {
        return api.http().post().uri("/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", clientAddress)
                .bodyValue(Map.of("username", username, "password", Api.PASSWORD, "displayName", "Flooder"))
                .exchange();
    }
}
