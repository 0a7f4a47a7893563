package io.parley.push.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.push.support.PushServiceIntegrationTest;
import io.parley.auth.fixtures.TestTokens;
import io.parley.testkit.HostileRequests;
import io.parley.testkit.ServiceRoutes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Hostile requests generated from every route push-service maps (see {@link HostileRequests}): each is refused with
 * its status and a problem+json document, never a 5xx, and the calling device still has no token. The routes name
 * no object: the token belongs to the device the access token names, so there is no other user's id to try.
 */
class HostileRequestsIntegrationTest extends PushServiceIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void everyRouteRefusesEveryHostileVariantWithAProblemAndRegistersNothing(@Autowired ApplicationContext context) {
        String user = newId();
        String device = newId();
        List<HostileRequests.Request> requests = HostileRequests.generate(ServiceRoutes.routes(context), Map.of(), user,
                Set.of(), "Bearer " + TestTokens.accessToken(user, device));

        for (HostileRequests.Request request : requests) {
            HostileRequests.check(http, "http://127.0.0.1:" + port, request);
        }
        System.out.printf("hostile-input: %d REST cases over %d push-service routes%n", requests.size(),
                ServiceRoutes.of(context).size());

        assertThat(requests).hasSizeGreaterThan(20);
        assertThat(hasToken(user, device)).isFalse();
    }
}
