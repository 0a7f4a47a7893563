package io.parley.group.invites;

import io.parley.group.support.GroupServiceIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Invite links: admins manage them, holders join through them, revoked ones are dead, joins are rate-limited. */
class InviteLinksIntegrationTest extends GroupServiceIntegrationTest {

    private final String admin = newUser();
    private final String member = newUser();
    private final String outsider = newUser();

    @Test
    void anyoneHoldingALiveLinkJoinsOnceAndARevokedOrReplacedLinkIsDead() {
        String groupId = createGroup(admin, member);
        refused(as(member).post().uri("/v1/groups/{id}/invite-link", groupId).exchange(),
                HttpStatus.FORBIDDEN, "NOT_A_GROUP_ADMIN");

        String first = link(groupId);
        as(admin).get().uri("/v1/groups/{id}/invite-link", groupId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.invite_token").isEqualTo(first);
        join(outsider, first).expectStatus().isOk()
                .expectBody().jsonPath("$.group_id").isEqualTo(groupId).jsonPath("$.members.length()").isEqualTo(3);
        join(outsider, first).expectStatus().isOk().expectBody().jsonPath("$.members.length()").isEqualTo(3);
        as(outsider).get().uri("/v1/groups").exchange()
                .expectBody().jsonPath("$.groups[0].group_id").isEqualTo(groupId).jsonPath("$.groups[0].role").isEqualTo("member");

        String second = link(groupId);
        String late = newUser();
        refused(join(late, first), HttpStatus.NOT_FOUND, "NOT_FOUND");
        as(admin).delete().uri("/v1/groups/{id}/invite-link", groupId).exchange().expectStatus().isNoContent();
        refused(join(late, second), HttpStatus.NOT_FOUND, "NOT_FOUND");
        refused(as(admin).get().uri("/v1/groups/{id}/invite-link", groupId).exchange(), HttpStatus.NOT_FOUND, "NOT_FOUND");
        refused(as(late).get().uri("/v1/groups/{id}", groupId).exchange(), HttpStatus.FORBIDDEN, "NOT_A_MEMBER");
    }

    @Test
    void aFullGroupAdmitsNobodyByLink() {
        String groupId = createGroup(admin, member, newUser(), newUser(), newUser());
        refused(join(outsider, link(groupId)), HttpStatus.CONFLICT, "GROUP_FULL");
    }

    @Test
    void joinAttemptsArePerUserRateLimitedValidTokenOrNot() {
        String token = link(createGroup(admin));
        for (int attempt = 0; attempt < JOINS_PER_WINDOW; attempt++) {
            refused(join(outsider, "A".repeat(22)), HttpStatus.NOT_FOUND, "NOT_FOUND");
        }
        refused(join(outsider, token), HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED");
        join(outsider, token).expectHeader().exists("Retry-After");
        join(newUser(), token).expectStatus().isOk();
    }

    private String link(String groupId) {
        return as(admin).post().uri("/v1/groups/{id}/invite-link", groupId).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("invite_token").toString();
    }

    private WebTestClient.ResponseSpec join(String user, String token) {
        return as(user).post().uri("/v1/groups/join").bodyValue(Map.of("invite_token", token)).exchange();
    }
}
