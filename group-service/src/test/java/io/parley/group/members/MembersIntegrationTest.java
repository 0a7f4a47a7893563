package io.parley.group.members;

import io.parley.group.support.GroupServiceIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Adding, removing, leaving, promoting and demoting over REST, each refused as documented where it must be. */
class MembersIntegrationTest extends GroupServiceIntegrationTest {

    private final String admin = newUser();
    private final String bob = newUser();
    private final String carol = newUser();

    @Test
    void adminsAddMembersOthersMayNotAndNobodyIsAddedWhoBlocksTheAdder() {
        String groupId = createGroup(admin, bob);

        refused(as(bob).post().uri("/v1/groups/{id}/members", groupId).bodyValue(Map.of("user_ids", List.of(carol))).exchange(),
                HttpStatus.FORBIDDEN, "NOT_A_GROUP_ADMIN");
        String blocker = newUser();
        DIRECTORY.block(blocker, admin);
        refused(as(admin).post().uri("/v1/groups/{id}/members", groupId).bodyValue(Map.of("user_ids", List.of(blocker))).exchange(),
                HttpStatus.FORBIDDEN, "BLOCKED");

        as(admin).post().uri("/v1/groups/{id}/members", groupId).bodyValue(Map.of("user_ids", List.of(carol))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.members.length()").isEqualTo(3)
                .jsonPath("$.members[2].user_id").isEqualTo(carol)
                .jsonPath("$.members[2].joined_seq").isEqualTo(2);
        as(carol).get().uri("/v1/groups").exchange().expectBody().jsonPath("$.groups[0].group_id").isEqualTo(groupId);

        List<String> tooMany = List.of(newUser(), newUser(), newUser());
        refused(as(admin).post().uri("/v1/groups/{id}/members", groupId).bodyValue(Map.of("user_ids", tooMany)).exchange(),
                HttpStatus.CONFLICT, "GROUP_FULL");
    }

    @Test
    void theLongestStandingMemberSucceedsTheLastAdminAndTheLastMemberClosesTheGroup() {
        String groupId = createGroup(admin, bob, carol);
        refused(as(bob).delete().uri("/v1/groups/{id}/members/{user}", groupId, carol).exchange(),
                HttpStatus.FORBIDDEN, "NOT_A_GROUP_ADMIN");

        as(admin).post().uri("/v1/groups/{id}/leave", groupId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.members.length()").isEqualTo(2)
                .jsonPath("$.members[0].user_id").isEqualTo(bob)
                .jsonPath("$.members[0].role").isEqualTo("admin");
        refused(as(admin).get().uri("/v1/groups/{id}", groupId).exchange(), HttpStatus.FORBIDDEN, "NOT_A_MEMBER");

        as(bob).delete().uri("/v1/groups/{id}/members/{user}", groupId, carol).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.members.length()").isEqualTo(1);
        as(bob).delete().uri("/v1/groups/{id}/members/{user}", groupId, bob).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.members.length()").isEqualTo(0);

        refused(as(bob).get().uri("/v1/groups/{id}", groupId).exchange(), HttpStatus.NOT_FOUND, "NOT_FOUND");
        as(bob).get().uri("/v1/groups").exchange().expectBody().jsonPath("$.groups.length()").isEqualTo(0);
    }

    @Test
    void adminsPromoteAndDemote() {
        String groupId = createGroup(admin, bob);
        refused(as(bob).put().uri("/v1/groups/{id}/admins/{user}", groupId, bob).exchange(),
                HttpStatus.FORBIDDEN, "NOT_A_GROUP_ADMIN");

        as(admin).put().uri("/v1/groups/{id}/admins/{user}", groupId, bob).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.members[1].role").isEqualTo("admin");
        as(bob).delete().uri("/v1/groups/{id}/admins/{user}", groupId, admin).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.members[0].role").isEqualTo("member");
        as(bob).get().uri("/v1/groups").exchange().expectBody().jsonPath("$.groups[0].role").isEqualTo("admin");
    }
}
