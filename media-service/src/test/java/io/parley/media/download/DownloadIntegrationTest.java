package io.parley.media.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.parley.error.GrpcErrors;
import io.parley.media.support.Files;
import io.parley.media.support.MediaServiceIntegrationTest;
import io.parley.proto.error.v1.ErrorReason;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Only the uploader and members of a chat the media was shared in may download it. */
class DownloadIntegrationTest extends MediaServiceIntegrationTest {

    @Test
    void membersOfTheChatsItWasSharedInMayDownloadNobodyElse() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID carol = UUID.randomUUID();
        UUID mallory = UUID.randomUUID();
        String aliceAndBob = CHATS.chatOf(alice, bob);
        String bobAndCarol = CHATS.chatOf(bob, carol);
        Object mediaId = uploaded(alice, aliceAndBob, "image/png", Files.png(5_000));

        // not shared yet: only the uploader
        download(bob, mediaId).expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        share(alice, mediaId, aliceAndBob);
        assertThat(fetch(downloadUrl(bob, mediaId)).statusCode()).isEqualTo(200);
        download(carol, mediaId).expectStatus().isNotFound();
        download(mallory, mediaId).expectStatus().isNotFound();

        // forwarded by bob into another chat: its members may download it too
        share(bob, mediaId, bobAndCarol);
        assertThat(fetch(downloadUrl(carol, mediaId)).statusCode()).isEqualTo(200);
        download(mallory, mediaId).expectStatus().isNotFound();

        // membership is asked on every download, not remembered
        CHATS.leave(bobAndCarol, carol);
        download(carol, mediaId).expectStatus().isNotFound();
    }

    @Test
    void inAGroupChatItsCurrentMembersMayDownloadNotOutsidersNorMembersRemovedSince() {
        UUID admin = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID carol = UUID.randomUUID();
        UUID dave = UUID.randomUUID();
        UUID outsider = UUID.randomUUID();
        String group = CHATS.chatOf(admin, bob, carol);
        Object mediaId = uploaded(bob, group, "image/png", Files.png(5_000));

        share(bob, mediaId, group);
        assertThat(fetch(downloadUrl(admin, mediaId)).statusCode()).isEqualTo(200);
        assertThat(fetch(downloadUrl(carol, mediaId)).statusCode()).isEqualTo(200);
        download(outsider, mediaId).expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        download(dave, mediaId).expectStatus().isNotFound();

        // removed after the share: no longer. Added after it: yes, membership is asked now, not at the share (docs/media.md)
        CHATS.leave(group, carol);
        download(carol, mediaId).expectStatus().isNotFound();
        CHATS.join(group, dave);
        assertThat(fetch(downloadUrl(dave, mediaId)).statusCode()).isEqualTo(200);
        // a removed member cannot forward it into the group either (they no longer see it)
        assertThat(reasonOf(() -> share(carol, mediaId, group))).isEqualTo(ErrorReason.NOT_FOUND);
    }

    @Test
    void aGroupsAvatarMustBeTheEditorsOwnUploadAndThenItsMembersMayDownloadIt() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID outsider = UUID.randomUUID();
        String group = CHATS.chatOf(alice, bob);
        Object alicesImage = uploaded(alice, group, "image/png", Files.png(3_000));
        share(alice, alicesImage, group);

        // bob may download alice's image, but it is not his to make an avatar of
        assertThat(reasonOf(() -> shareAvatar(bob, alicesImage, CHATS.chatOf(bob)))).isEqualTo(ErrorReason.NOT_FOUND);
        Object bobsImage = uploaded(bob, CHATS.chatOf(bob), "image/png", Files.png(3_000));
        download(alice, bobsImage).expectStatus().isNotFound();
        shareAvatar(bob, bobsImage, group);
        assertThat(fetch(downloadUrl(alice, bobsImage)).statusCode()).isEqualTo(200);
        download(outsider, bobsImage).expectStatus().isNotFound();
        // MediaLibrary answers chat-service and group-service only
        assertThatThrownBy(() -> share("gateway-service", bob, bobsImage, group, false))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        failure -> assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void onlyTheUploaderCompletesAndStrangersCannotShare() {
        UUID alice = UUID.randomUUID();
        UUID mallory = UUID.randomUUID();
        String chat = CHATS.chatOf(alice, mallory);
        byte[] png = Files.png(4_000);
        Map<String, Object> offer = offer(alice, chat, "image/png", png);

        complete(mallory, offer.get("media_id")).expectStatus().isNotFound();
        assertThat(reasonOf(() -> share(alice, offer.get("media_id"), chat))).isEqualTo(ErrorReason.INVALID_REQUEST);
        @SuppressWarnings("unchecked")
        Map<String, Object> upload = (Map<String, Object>) offer.get("upload");
        put(upload, png);
        complete(alice, offer.get("media_id")).expectStatus().isOk();

        assertThat(reasonOf(() -> share(mallory, offer.get("media_id"), CHATS.chatOf(mallory)))).isEqualTo(ErrorReason.NOT_FOUND);
        assertThat(reasonOf(() -> share(alice, UUID.randomUUID(), chat))).isEqualTo(ErrorReason.NOT_FOUND);
        assertThatThrownBy(() -> share(alice, "nope", chat)).isInstanceOfSatisfying(StatusRuntimeException.class,
                failure -> assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    private static ErrorReason reasonOf(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException failure) {
            return GrpcErrors.reasonOf(failure);
        }
        throw new AssertionError("the call succeeded");
    }
}
