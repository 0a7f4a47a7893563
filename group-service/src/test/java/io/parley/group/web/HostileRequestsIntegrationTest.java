package io.parley.group.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.auth.fixtures.TestTokens;
import io.parley.group.support.GroupServiceIntegrationTest;
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
 * Hostile requests generated from every route group-service maps (see {@link HostileRequests}): each is refused with
 * its status and a problem+json document, never a 5xx; and every route has its authorization case.
 */
class HostileRequestsIntegrationTest extends GroupServiceIntegrationTest {

    /**
     * Each route and the test that shows a caller without the right is refused on it. Checked against the routes the
     * running service maps, so a new endpoint needs its entry.
     */
    private static final Map<String, String> AUTHORIZATION = Map.ofEntries(
            Map.entry("POST /v1/groups", "GroupsIntegrationTest.nobodyIsAddedWhoBlocksTheCreatorOrDoesNotExistAndTheCapHolds"),
            Map.entry("GET /v1/groups", "GroupsIntegrationTest.theCreatorIsTheFirstAdmin…: only the caller's own groups"),
            Map.entry("GET /v1/groups/{groupId}", "GroupsIntegrationTest.theCreatorIsTheFirstAdmin…: a non-member, 403"),
            Map.entry("PATCH /v1/groups/{groupId}", "GroupsIntegrationTest.theInfoIsEditedByWhomItsSettingAllows…"),
            Map.entry("PUT /v1/groups/{groupId}/settings", "GroupsIntegrationTest.theInfoIsEditedByWhomItsSettingAllows…"),
            Map.entry("POST /v1/groups/{groupId}/members", "MembersIntegrationTest.adminsAddMembersOthersMayNot…"),
            Map.entry("DELETE /v1/groups/{groupId}/members/{userId}", "MembersIntegrationTest.theLongestStandingMember…: a member, 403"),
            Map.entry("POST /v1/groups/{groupId}/leave", "MembersIntegrationTest.theLongestStandingMember…: a former member, 403"),
            Map.entry("PUT /v1/groups/{groupId}/admins/{userId}", "MembersIntegrationTest.adminsPromoteAndDemote: a member, 403"),
            Map.entry("DELETE /v1/groups/{groupId}/admins/{userId}", "MembersIntegrationTest.adminsPromoteAndDemote"),
            Map.entry("POST /v1/groups/{groupId}/invite-link", "InviteLinksIntegrationTest.anyoneHoldingALiveLink…: a member, 403"),
            Map.entry("GET /v1/groups/{groupId}/invite-link", "InviteLinksIntegrationTest.anyoneHoldingALiveLink… (admins only, as create)"),
            Map.entry("DELETE /v1/groups/{groupId}/invite-link", "InviteLinksIntegrationTest.anyoneHoldingALiveLink… (admins only, as create)"),
            Map.entry("POST /v1/groups/join", "InviteLinksIntegrationTest: a revoked or unknown token, 404"));

    @LocalServerPort
    int port;

    @Test
    void everyRouteHasAnAuthorizationCase(@Autowired ApplicationContext context) {
        assertThat(ServiceRoutes.of(context)).containsExactlyInAnyOrderElementsOf(AUTHORIZATION.keySet());
    }

    @Test
    void everyRouteRefusesEveryHostileVariantWithAProblem(@Autowired ApplicationContext context) {
        String caller = newUser();
        String groupId = createGroup(caller, newUser());
        List<HostileRequests.Request> requests = HostileRequests.generate(ServiceRoutes.routes(context),
                Map.of("groupId", groupId), caller, Set.of(),
                "Bearer " + TestTokens.accessToken(caller, UUID.randomUUID().toString()));

        for (HostileRequests.Request request : requests) {
            HostileRequests.check(http, "http://127.0.0.1:" + port, request);
        }
        System.out.printf("hostile-input: %d REST cases over %d group-service routes%n", requests.size(),
                ServiceRoutes.of(context).size());

        assertThat(requests).hasSizeGreaterThan(100);
    }
}
