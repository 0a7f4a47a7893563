package io.parley.chat.chats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ChatIdTest {

    private static final String ALICE = "0b6f2c4e-3f0a-4c1e-9a3e-1f4d5c6b7a80";
    private static final String BOB = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6";

    @Test
    void aDirectChatIsTheSameWhoeverNamesIt() {
        assertThat(ChatId.direct(ALICE, BOB)).isEqualTo(ChatId.direct(BOB, ALICE));
        assertThat(ChatId.direct(BOB, ALICE).value()).isEqualTo("d:" + ALICE + ":" + BOB);
    }

    @Test
    void parsesWhatDirectProduces() {
        ChatId chat = ChatId.parse("d:" + ALICE + ":" + BOB);

        assertThat(chat.members()).containsExactly(ALICE, BOB);
        assertThat(chat.isMember(BOB)).isTrue();
        assertThat(chat.isMember("carol")).isFalse();
        assertThat(chat.membersOtherThan(ALICE)).containsExactly(BOB);
    }

    @ParameterizedTest
    @MethodSource
    void rejectsMalformedIds(String id) {
        assertThatThrownBy(() -> ChatId.parse(id)).isInstanceOf(BadChatIdException.class);
    }

    static Stream<Arguments> rejectsMalformedIds() {
        return Stream.of(
                // empty
                Arguments.of(""),
                // no prefix
                Arguments.of(ALICE + ":" + BOB),
                // unknown prefix
                Arguments.of("x:" + ALICE + ":" + BOB),
                // users out of order
                Arguments.of("d:" + BOB + ":" + ALICE),
                // the same user twice
                Arguments.of("d:" + ALICE + ":" + ALICE),
                // one user only
                Arguments.of("d:" + ALICE),
                // a third part
                Arguments.of("d:" + ALICE + ":" + BOB + ":x"),
                // characters outside user ids
                Arguments.of("d:al ice:bob"),
                // empty user id
                Arguments.of("d::" + BOB),
                // group chats are not supported yet
                Arguments.of("g:team"));
    }
}
