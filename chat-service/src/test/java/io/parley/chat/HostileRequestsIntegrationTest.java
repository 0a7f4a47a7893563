package io.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.auth.fixtures.TestTokens;
import io.parley.testkit.HostileRequests;
import io.parley.testkit.ServiceRoutes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Hostile requests generated from every route chat-service maps (see {@link HostileRequests}): each is refused with
 * its status and a problem+json document, never a 5xx; the caller's chat list stays as it was.
 */
class HostileRequestsIntegrationTest extends ChatServiceIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void everyRouteRefusesEveryHostileVariantWithAProblem(@Autowired ApplicationContext context) {
        String caller = newUser();
        String token = "Bearer " + TestTokens.accessToken(caller, UUID.randomUUID().toString());
        String ownChat = chatOf(caller, newUser()).value();
        List<HostileRequests.Request> requests = HostileRequests.generate(ServiceRoutes.routes(context),
                Map.of("chatId", ownChat), caller, Set.of(), token);

        for (HostileRequests.Request request : requests) {
            HostileRequests.check(http, "http://127.0.0.1:" + port, request);
        }
        System.out.printf("hostile-input: %d REST cases over %d chat-service routes%n", requests.size(),
                ServiceRoutes.of(context).size());

        assertThat(requests).hasSizeGreaterThan(30);
        http.get().uri("/v1/chats").headers(h -> h.set("Authorization", token)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.chats").isEmpty();
    }
}
