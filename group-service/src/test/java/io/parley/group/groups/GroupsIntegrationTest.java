package io.parley.group.groups;

import io.parley.group.support.GroupServiceIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Creating, reading, listing and editing groups over REST, with each authorization rule refused as documented. */
class GroupsIntegrationTest extends GroupServiceIntegrationTest {

    private final String alice = newUser();
    private final String bob = newUser();
    private final String carol = newUser();

    @Test
    void theCreatorIsTheFirstAdminAndEveryMemberSeesTheGroupOthersDoNot() {
        WebTestClient.ResponseSpec created = as(alice).post().uri("/v1/groups")
                .bodyValue(Map.of("name", "Climbing", "description", "Saturdays", "members", List.of(bob, alice)))
                .exchange()
                .expectStatus().isCreated();
        String groupId = created.expectBody(Map.class).returnResult().getResponseBody().get("group_id").toString();
        created.expectHeader().location("/v1/groups/" + groupId);

        as(bob).get().uri("/v1/groups/{id}", groupId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.chat_id").isEqualTo("g:" + groupId)
                .jsonPath("$.name").isEqualTo("Climbing")
                .jsonPath("$.settings.edit_info").isEqualTo("all")
                .jsonPath("$.settings.send").isEqualTo("all")
                .jsonPath("$.created_by").isEqualTo(alice)
                .jsonPath("$.members.length()").isEqualTo(2)
                .jsonPath("$.members[?(@.user_id == '" + alice + "')].role").isEqualTo("admin")
                .jsonPath("$.members[?(@.user_id == '" + bob + "')].role").isEqualTo("member");

        as(bob).get().uri("/v1/groups").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.groups.length()").isEqualTo(1)
                .jsonPath("$.groups[0].group_id").isEqualTo(groupId)
                .jsonPath("$.groups[0].role").isEqualTo("member");
        as(carol).get().uri("/v1/groups").exchange().expectBody().jsonPath("$.groups.length()").isEqualTo(0);
        refused(as(carol).get().uri("/v1/groups/{id}", groupId).exchange(), HttpStatus.FORBIDDEN, "NOT_A_MEMBER");
    }

    @Test
    void invalidRequestsAreRefusedBeforeAnythingIsStored() {
        refused(as(alice).post().uri("/v1/groups").bodyValue(Map.of("name", " ")).exchange(),
                HttpStatus.BAD_REQUEST, "INVALID_REQUEST").jsonPath("$.errors[0].field").isEqualTo("name");
        refused(as(alice).post().uri("/v1/groups").bodyValue(Map.of("name", "x".repeat(101))).exchange(),
                HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
        refused(as(alice).post().uri("/v1/groups").bodyValue(Map.of("name", "n", "members", List.of("BOB"))).exchange(),
                HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
        refused(as(alice).post().uri("/v1/groups")
                        .bodyValue(Map.of("name", "n", "settings", Map.of("edit_info", "everyone", "send", "all"))).exchange(),
                HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
        refused(as(alice).get().uri("/v1/groups/not-a-uuid").exchange(), HttpStatus.BAD_REQUEST, "MALFORMED_ID");
        refused(http.get().uri("/v1/groups").exchange(), HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
        as(alice).get().uri("/v1/groups").exchange().expectBody().jsonPath("$.groups.length()").isEqualTo(0);
    }

    @Test
    void nobodyIsAddedWhoBlocksTheCreatorOrDoesNotExistAndTheCapHolds() {
        DIRECTORY.block(bob, alice);
        refused(as(alice).post().uri("/v1/groups").bodyValue(Map.of("name", "n", "members", List.of(carol, bob))).exchange(),
                HttpStatus.FORBIDDEN, "BLOCKED").jsonPath("$.user_id").isEqualTo(bob);

        String ghost = newUser();
        DIRECTORY.noAccount(ghost);
        refused(as(alice).post().uri("/v1/groups").bodyValue(Map.of("name", "n", "members", List.of(ghost))).exchange(),
                HttpStatus.NOT_FOUND, "USER_NOT_FOUND");

        List<String> tooMany = List.of(newUser(), newUser(), newUser(), newUser(), newUser());
        refused(as(alice).post().uri("/v1/groups").bodyValue(Map.of("name", "n", "members", tooMany)).exchange(),
                HttpStatus.CONFLICT, "GROUP_FULL").jsonPath("$.max_members").isEqualTo(Integer.toString(MAX_MEMBERS));

        as(alice).get().uri("/v1/groups").exchange().expectBody().jsonPath("$.groups.length()").isEqualTo(0);
        as(carol).get().uri("/v1/groups").exchange().expectBody().jsonPath("$.groups.length()").isEqualTo(0);
    }

    @Test
    void theInfoIsEditedByWhomItsSettingAllowsAndTheSettingsByAdminsOnly() {
        String groupId = createGroup(alice, bob);

        as(bob).patch().uri("/v1/groups/{id}", groupId).bodyValue(Map.of("name", "Renamed", "description", "d")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Renamed").jsonPath("$.description").isEqualTo("d");
        refused(as(bob).put().uri("/v1/groups/{id}/settings", groupId)
                        .bodyValue(Map.of("edit_info", "admins", "send", "all")).exchange(),
                HttpStatus.FORBIDDEN, "NOT_A_GROUP_ADMIN");

        as(alice).put().uri("/v1/groups/{id}/settings", groupId).bodyValue(Map.of("edit_info", "admins", "send", "admins"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.settings.edit_info").isEqualTo("admins").jsonPath("$.settings.send").isEqualTo("admins");
        refused(as(bob).patch().uri("/v1/groups/{id}", groupId).bodyValue(Map.of("name", "Mine")).exchange(),
                HttpStatus.FORBIDDEN, "NOT_A_GROUP_ADMIN");
        refused(as(carol).patch().uri("/v1/groups/{id}", groupId).bodyValue(Map.of("name", "Mine")).exchange(),
                HttpStatus.FORBIDDEN, "NOT_A_MEMBER");

        as(alice).patch().uri("/v1/groups/{id}", groupId).bodyValue(Map.of("description", "")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Renamed").jsonPath("$.description").doesNotExist();
    }
}
