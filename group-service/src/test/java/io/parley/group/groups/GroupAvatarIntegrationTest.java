package io.parley.group.groups;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.group.support.GroupServiceIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * A group's avatar must be the editor's own completed image; it is shared into the group's chat (media-service's
 * MediaLibrary, here its stand-in), so the group's members may download it. Refusals are problem documents naming
 * the field, and change nothing.
 */
class GroupAvatarIntegrationTest extends GroupServiceIntegrationTest {

    @Test
    void anAvatarSetAtCreationIsSharedIntoTheGroupsChat() {
        String alice = newUser();
        String avatar = UUID.randomUUID().toString();
        MEDIA.ready(avatar, alice);

        Map<?, ?> group = as(alice).post().uri("/v1/groups")
                .bodyValue(Map.of("name", "Climbers", "avatar_media_id", avatar, "members", List.of(newUser())))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(group.get("avatar_media_id")).isEqualTo(avatar);
        assertThat(MEDIA.sharesOf(avatar)).singleElement().satisfies(share -> {
            assertThat(share.getUserId()).isEqualTo(alice);
            assertThat(share.getChatId()).isEqualTo(group.get("chat_id"));
            assertThat(share.getUploaderOnly()).isTrue();
        });
    }

    @Test
    void someoneElsesUploadOrAnUnknownIdIsRefusedAndNoGroupIsCreated() {
        String alice = newUser();
        String bobsImage = UUID.randomUUID().toString();
        MEDIA.ready(bobsImage, newUser());

        for (String avatar : List.of(bobsImage, UUID.randomUUID().toString())) {
            refused(as(alice).post().uri("/v1/groups").bodyValue(Map.of("name", "Nope", "avatar_media_id", avatar)).exchange(),
                    HttpStatus.BAD_REQUEST, "INVALID_REQUEST").jsonPath("$.field").isEqualTo("avatar_media_id");
        }
        assertThat(MEDIA.sharesOf(bobsImage)).isEmpty();
        as(alice).get().uri("/v1/groups").exchange().expectStatus().isOk().expectBody().jsonPath("$.groups").isEmpty();
    }

    @Test
    void aChangedAvatarIsSharedAndMustBeAnImageOfTheEditor() {
        String alice = newUser();
        String bob = newUser();
        String groupId = createGroup(alice, bob);
        String document = UUID.randomUUID().toString();
        MEDIA.ready(document, bob, "application/pdf");
        String alicesImage = UUID.randomUUID().toString();
        MEDIA.ready(alicesImage, alice);

        refused(as(bob).patch().uri("/v1/groups/{id}", groupId).bodyValue(Map.of("avatar_media_id", document)).exchange(),
                HttpStatus.BAD_REQUEST, "INVALID_REQUEST").jsonPath("$.field").isEqualTo("avatar_media_id");
        refused(as(bob).patch().uri("/v1/groups/{id}", groupId).bodyValue(Map.of("avatar_media_id", alicesImage)).exchange(),
                HttpStatus.BAD_REQUEST, "INVALID_REQUEST").jsonPath("$.field").isEqualTo("avatar_media_id");
        as(bob).get().uri("/v1/groups/{id}", groupId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.avatar_media_id").doesNotExist();

        as(alice).patch().uri("/v1/groups/{id}", groupId).bodyValue(Map.of("avatar_media_id", alicesImage)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.avatar_media_id").isEqualTo(alicesImage);
        assertThat(MEDIA.sharesOf(alicesImage)).singleElement()
                .satisfies(share -> assertThat(share.getChatId()).isEqualTo("g:" + groupId));

        // bob renames the group: the avatar alice set stays, and is not his to share again
        as(bob).patch().uri("/v1/groups/{id}", groupId).bodyValue(Map.of("name", "Renamed", "avatar_media_id", alicesImage))
                .exchange().expectStatus().isOk();
        assertThat(MEDIA.sharesOf(alicesImage)).hasSize(1);
    }
}
