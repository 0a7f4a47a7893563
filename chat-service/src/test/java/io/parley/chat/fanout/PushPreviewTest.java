package io.parley.chat.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.parley.proto.chat.v1.ChatMessage;
import org.junit.jupiter.api.Test;

class PushPreviewTest {

    private static ChatMessage message(String contentType, String body) {
        return ChatMessage.newBuilder().setContentType(contentType).setBody(ByteString.copyFromUtf8(body)).build();
    }

    @Test
    void plainTextIsPreviewedWhateverItsParameters() {
        assertThat(PushPreview.of(message("text/plain", "see you at 7"))).isEqualTo("see you at 7");
        assertThat(PushPreview.of(message("Text/Plain; charset=utf-8", "see you at 7"))).isEqualTo("see you at 7");
    }

    @Test
    void anythingElseIsNotPreviewedForItMayBeEncrypted() {
        assertThat(PushPreview.of(message("application/vnd.parley.e2ee", "ciphertext"))).isEmpty();
        assertThat(PushPreview.of(message("image/jpeg", "jpeg bytes"))).isEmpty();
        assertThat(PushPreview.of(message("text/plainish", "not plain text"))).isEmpty();
    }

    @Test
    void aLongTextIsCutAfterTwoHundredCharactersBetweenCodePoints() {
        String emoji = "\uD83D\uDE00";
        String text = "a".repeat(199) + emoji + emoji;

        assertThat(PushPreview.of(message("text/plain", text))).isEqualTo("a".repeat(199) + emoji);
    }
}
