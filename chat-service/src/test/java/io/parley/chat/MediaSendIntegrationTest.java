package io.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.parley.chat.chats.ChatId;
import io.parley.chat.media.MediaSharing;
import io.parley.proto.chat.v1.MembershipChange;
import io.parley.proto.chat.v1.MembershipCommand;
import io.parley.proto.chat.v1.SendRequest;
import io.parley.proto.chat.v1.SendResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** A media message is accepted only after media-service shared its media into the chat (1:1 or group). */
class MediaSendIntegrationTest extends ChatServiceIntegrationTest {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void aMessageWithTheSendersReadyMediaSharesItIntoTheChat() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        String mediaId = UUID.randomUUID().toString();
        MEDIA.ready(mediaId, alice);

        SendResponse sent = chat().send(media(alice, chat, "photo-1", mediaId));

        assertThat(sent.getMessageId()).isNotBlank();
        assertThat(MEDIA.sharesOf(mediaId)).singleElement().satisfies(share -> {
            assertThat(share.getUserId()).isEqualTo(alice);
            assertThat(share.getChatId()).isEqualTo(chat.value());
        });
    }

    @Test
    void aMessageWithMediaTheSenderMayNotShareIsRefusedAndNotAccepted() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        String bobsMedia = UUID.randomUUID().toString();
        MEDIA.ready(bobsMedia, bob);

        assertThatThrownBy(() -> chat().send(media(alice, chat, "photo-2", bobsMedia)))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(errorInfo(e).getReason()).isEqualTo("INVALID_REQUEST");
                    assertThat(errorInfo(e).getMetadataMap()).containsEntry("field", "body.media_id");
                });
        assertThat(MEDIA.sharesOf(bobsMedia)).isEmpty();
        assertThat(redis.hasKey("parley:chat:dedup:{" + alice + "}:photo-2").block()).isFalse();
    }

    @Test
    void aGroupMembersMediaMessageSharesItIntoTheGroupChat() {
        String admin = newUser();
        String bob = newUser();
        ChatId group = ChatId.parse("g:" + UUID.randomUUID());
        changeGroup(group.value(), admin, MembershipCommand.newBuilder().setChange(MembershipChange.CREATED).addTargetUserIds(bob));
        String mediaId = UUID.randomUUID().toString();
        MEDIA.ready(mediaId, bob);

        SendResponse sent = chat().send(media(bob, group, "group-photo-1", mediaId));

        assertThat(sent.getMessageId()).isNotBlank();
        assertThat(MEDIA.sharesOf(mediaId)).singleElement().satisfies(share -> {
            assertThat(share.getUserId()).isEqualTo(bob);
            assertThat(share.getChatId()).isEqualTo(group.value());
        });
    }

    @Test
    void aNonMembersMediaMessageToAGroupIsRefusedBeforeAnythingIsShared() {
        String admin = newUser();
        String outsider = newUser();
        ChatId group = ChatId.parse("g:" + UUID.randomUUID());
        changeGroup(group.value(), admin, MembershipCommand.newBuilder().setChange(MembershipChange.CREATED));
        String mediaId = UUID.randomUUID().toString();
        MEDIA.ready(mediaId, outsider);

        assertThatThrownBy(() -> chat().send(media(outsider, group, "group-photo-2", mediaId)))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(errorInfo(e).getReason()).isEqualTo("NOT_A_MEMBER"));
        assertThat(MEDIA.sharesOf(mediaId)).isEmpty();
    }

    private static SendRequest media(String sender, ChatId chat, String clientMsgId, String mediaId) {
        return SendRequest.newBuilder().setUserId(sender).setDeviceId("phone").setClientMsgId(clientMsgId)
                .setChatId(chat.value()).setContentType(MediaSharing.CONTENT_TYPE)
                .setBody(ByteString.copyFromUtf8("{\"media_id\":\"" + mediaId + "\",\"caption\":\"look\"}")).build();
    }
}
