package io.parley.media.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.media.support.MediaServiceIntegrationTest;
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
 * Hostile requests generated from every route media-service maps (see {@link HostileRequests}): each is refused with
 * its status and a problem+json document, never a 5xx; and every route has its authorization case.
 */
class HostileRequestsIntegrationTest extends MediaServiceIntegrationTest {

    /**
     * Each route and the test that shows another user's object is refused on it, or why it names none. Checked
     * against the routes the running service maps, so a new endpoint needs its entry.
     */
    private static final Map<String, String> AUTHORIZATION = Map.of(
            "POST /v1/media/uploads", "UploadIntegrationTest.limitsAreProblemDocuments: a chat the caller is not in, 403",
            "POST /v1/media/{mediaId}/complete", "DownloadIntegrationTest.onlyTheUploaderCompletesAndStrangersCannotShare",
            "GET /v1/media/{mediaId}", "DownloadIntegrationTest.membersOfTheChatsItWasSharedInMayDownloadNobodyElse",
            "GET /v1/media/{mediaId}/thumbnail", "ThumbnailIntegrationTest: strangers get 404");

    @LocalServerPort
    int port;

    @Test
    void everyRouteHasAnAuthorizationCase(@Autowired ApplicationContext context) {
        assertThat(ServiceRoutes.of(context)).containsExactlyInAnyOrderElementsOf(AUTHORIZATION.keySet());
    }

    @Test
    void everyRouteRefusesEveryHostileVariantWithAProblem(@Autowired ApplicationContext context) {
        UUID caller = UUID.randomUUID();
        List<HostileRequests.Request> requests = HostileRequests.generate(ServiceRoutes.routes(context),
                Map.of("mediaId", UUID.randomUUID().toString()), caller.toString(), Set.of(), bearer(caller));

        for (HostileRequests.Request request : requests) {
            HostileRequests.check(web, "http://127.0.0.1:" + port, request);
        }
        System.out.printf("hostile-input: %d REST cases over %d media-service routes%n", requests.size(),
                ServiceRoutes.of(context).size());

        assertThat(requests).hasSizeGreaterThan(50);
    }
}
