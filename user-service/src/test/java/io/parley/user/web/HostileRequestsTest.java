package io.parley.user.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.testkit.HostileRequests;
import io.parley.testkit.ServiceRoutes;
import io.parley.user.support.Session;
import io.parley.user.support.UserServiceIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Hostile requests generated from every route user-service maps (see {@link HostileRequests}): each is refused with
 * its status and a problem+json document, never a 5xx, and the caller's account is as it was.
 */
class HostileRequestsTest extends UserServiceIntegrationTest {

    private static final Set<String> PUBLIC = Set.of("POST /v1/accounts", "POST /v1/auth/login", "POST /v1/auth/refresh",
            "GET /v1/.well-known/jwks.json");

    @Test
    void everyRouteRefusesEveryHostileVariantWithAProblemAndWritesNothing(@Autowired ApplicationContext context) {
        Session caller = api.newUser();
        String self = caller.userId().toString();
        Map<String, String> own = Map.of("userId", self, "deviceId", caller.deviceId().toString(),
                "contactId", self, "blockedUserId", self);
        List<HostileRequests.Request> requests = HostileRequests.generate(ServiceRoutes.routes(context), own, self, PUBLIC,
                caller.bearer());

        Map<String, Integer> byKind = new TreeMap<>();
        for (HostileRequests.Request request : requests) {
            HostileRequests.check(api.http(), baseUrl(), request);
            byKind.merge(request.kind().name(), 1, Integer::sum);
        }
        System.out.printf("hostile-input: %d REST cases over %d user-service routes %s%n", requests.size(),
                ServiceRoutes.of(context).size(), byKind);

        assertThat(requests).hasSizeGreaterThan(300);
        api.get(caller, "/v1/users/{u}", self).expectStatus().isOk().expectBody()
                .jsonPath("$.displayName").isEqualTo("User " + caller.username()).jsonPath("$.about").doesNotExist();
        api.get(caller, "/v1/users/{u}/devices", self).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
        api.get(caller, "/v1/users/{u}/privacy", self).expectStatus().isOk().expectBody()
                .jsonPath("$.lastSeen").isEqualTo("contacts").jsonPath("$.readReceipts").isEqualTo(true);
        api.get(caller, "/v1/users/{u}/contacts", self).expectStatus().isOk().expectBody().jsonPath("$.items").isEmpty();
        api.get(caller, "/v1/users/{u}/blocks", self).expectStatus().isOk().expectBody().jsonPath("$.items").isEmpty();
    }
}
