package io.parley.chat.chats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.UUID;
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

    @Test
    void anyTwoUserIdsMakeOneChatThatParsesBackButNotInAnotherCase() {
        for (int i = 0; i < 1_000; i++) {
            String a = UUID.randomUUID().toString();
            String b = UUID.randomUUID().toString();
            ChatId chat = ChatId.direct(a, b);

            assertThat(ChatId.parse(chat.value())).isEqualTo(chat).isEqualTo(ChatId.direct(b, a));
            assertThatThrownBy(() -> ChatId.parse(chat.value().toUpperCase(Locale.ROOT)))
                    .isInstanceOf(BadChatIdException.class);
        }
    }

    @Test
    void aGroupChatHasNoMembersInItsId() {
        ChatId group = ChatId.parse("g:" + ALICE);

        assertThat(group.isGroup()).isTrue();
        assertThat(group.isMember(ALICE)).isFalse();
        assertThat(group.members()).isEmpty();
        assertThat(ChatId.parse("d:" + ALICE + ":" + BOB).isGroup()).isFalse();
    }

    @Test
    void aUserIdInAnotherCaseIsNotTheSameUser() {
        assertThatThrownBy(() -> ChatId.direct(ALICE, BOB.toUpperCase(Locale.ROOT)))
                .isInstanceOf(BadChatIdException.class).hasMessageContaining("lower case");
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
                // user ids that are not UUIDs (user-service would answer MALFORMED_ID, not a missing user)
                Arguments.of("d:alice:bob"),
                // one upper-case user id: the same user spelled differently would name a second chat
                Arguments.of("d:" + ALICE + ":" + BOB.toUpperCase(Locale.ROOT)),
                // both upper-case (lexicographic order is kept, the case is not canonical)
                Arguments.of("d:" + ALICE.toUpperCase(Locale.ROOT) + ":" + BOB.toUpperCase(Locale.ROOT)),
                // a UUID without dashes
                Arguments.of("d:" + ALICE.replace("-", "") + ":" + BOB),
                // a UUID in braces
                Arguments.of("d:{" + ALICE + "}:" + BOB),
                // a UUID with a digit missing, which UUID.fromString would still accept
                Arguments.of("d:" + ALICE + ":" + BOB.replaceFirst("7d1e", "7d1")),
                // a trailing newline
                Arguments.of("d:" + ALICE + ":" + BOB + "\n"),
                // empty user id
                Arguments.of("d::" + BOB),
                // a group chat id is g:<lower-case UUID>
                Arguments.of("g:team"),
                Arguments.of("g:" + ALICE.toUpperCase(Locale.ROOT)));
    }
}
