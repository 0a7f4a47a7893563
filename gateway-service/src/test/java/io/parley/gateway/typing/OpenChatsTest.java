package io.parley.gateway.typing;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.gateway.auth.DeviceIdentity;
import io.parley.gateway.support.TestDevices;
import io.parley.protocol.Protocol;
import io.parley.protocol.TypingState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenChatsTest {

    private final ChatOpeners index = new ChatOpeners();
    private final List<String> followed = new ArrayList<>();
    private final OpenChats chats = index.newOpenChats(
            TestDevices.connectedDevices().connect(new DeviceIdentity("user", "device"), status -> { }).connection());

    OpenChatsTest() {
        index.onFirstAndLastOpener(chat -> followed.add("+" + chat), chat -> followed.add("-" + chat));
    }

    @Test
    void aChatIsOpenOnlyOnceItsCheckPassedAndACloseMeanwhileWins() {
        assertThat(chats.ask("g:1")).isTrue();
        assertThat(index.openers("g:1")).as("asked, not open yet").isZero();
        chats.close("g:1");
        chats.open("g:1");
        assertThat(index.openers("g:1")).as("closed while its check ran").isZero();

        chats.ask("g:2");
        chats.open("g:2");
        assertThat(index.openers("g:2")).isEqualTo(1);
        chats.closeAll();
        assertThat(index.openChats()).isZero();
        assertThat(followed).containsExactly("+g:2", "-g:2");
    }

    @Test
    void aConnectionOpensAtMost256ChatsAndAFailedCheckFreesItsPlace() {
        for (int i = 0; i < Protocol.MAX_OPEN_CHATS; i++) {
            assertThat(chats.ask("g:" + i)).isTrue();
        }
        assertThat(chats.ask("g:over")).isFalse();
        assertThat(chats.ask("g:0")).as("already asked for").isTrue();

        chats.abandon("g:0");

        assertThat(chats.ask("g:over")).isTrue();
    }

    @Test
    void aGroupTypingEventSurvivesTheChatChannel() {
        GroupTyping event = new GroupTyping("g:1", "alice", TypingState.PAUSED, "gw-1");

        assertThat(GroupTyping.decode(event.encode())).isEqualTo(event);
    }
}
