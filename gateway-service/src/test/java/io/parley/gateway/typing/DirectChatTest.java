package io.parley.gateway.typing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DirectChatTest {

    private static final String LOW = "11111111-1111-1111-1111-111111111111";
    private static final String HIGH = "22222222-2222-2222-2222-222222222222";

    @Test
    void aMemberTypesToTheOtherMember() {
        DirectChat chat = DirectChat.parse("d:" + LOW + ":" + HIGH);

        assertThat(chat.otherThan(LOW)).contains(HIGH);
        assertThat(chat.otherThan(HIGH)).contains(LOW);
        assertThat(chat.otherThan("33333333-3333-3333-3333-333333333333")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // the ids out of order name no chat
            "d:22222222-2222-2222-2222-222222222222:11111111-1111-1111-1111-111111111111",
            // a chat with oneself
            "d:11111111-1111-1111-1111-111111111111:11111111-1111-1111-1111-111111111111",
            // upper case is another spelling of the same user
            "d:11111111-1111-1111-1111-11111111111A:22222222-2222-2222-2222-222222222222",
            // a group chat is not a direct chat
            "g:some-group",
            // no prefix
            "11111111-1111-1111-1111-111111111111:22222222-2222-2222-2222-222222222222",
            // a third id
            "d:11111111-1111-1111-1111-111111111111:22222222-2222-2222-2222-222222222222:x"})
    void rejectsAnIdThatNamesNoDirectChat(String chat) {
        assertThatThrownBy(() -> DirectChat.parse(chat)).isInstanceOf(IllegalArgumentException.class);
    }
}
