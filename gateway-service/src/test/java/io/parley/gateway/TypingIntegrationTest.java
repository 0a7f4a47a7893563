package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.gateway.support.TestGateways;
import io.parley.gateway.support.TestSocket;
import io.parley.gateway.support.TestTokens;
import io.parley.protocol.ClientFrame;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.ServerFrame;
import io.parley.protocol.TypingState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Typing between two gateways on one real Redis: the test's gateway ({@code gw-test}) and a second instance
 * ({@code gw-other}) started beside it.
 */
class TypingIntegrationTest extends GatewayIntegrationTest {

    static ConfigurableApplicationContext otherGateway;

    @BeforeAll
    static void startOtherGateway() {
        otherGateway = TestGateways.start("gw-other", REDIS, KAFKA, TOKENS, BACKENDS);
    }

    @AfterAll
    static void stopOtherGateway() {
        otherGateway.close();
    }

    @Test
    void typingReachesTheOtherMembersDevicesWithTheChatOpenOnEitherGateway() {
        String alice = TestTokens.newId();
        String bob = TestTokens.newId();
        String chat = chat(alice, bob);
        try (TestSocket aliceSocket = connect(alice, TestTokens.newId()).ready();
                TestSocket bobPhone = connectToOther(bob).ready();
                TestSocket bobLaptop = connectToOther(bob).ready();
                TestSocket bobTablet = connect(bob, TestTokens.newId()).ready()) {
            openChat(bobPhone, alice);
            openChat(bobTablet, alice);

            aliceSocket.send(new ClientFrame.Typing("t1", chat, TypingState.COMPOSING));

            assertThat(bobPhone.next()).isEqualTo(new ServerFrame.Typing(chat, alice, TypingState.COMPOSING));
            assertThat(bobTablet.next()).isEqualTo(new ServerFrame.Typing(chat, alice, TypingState.COMPOSING));
            // The laptop's typing would have been queued in the same delivery as the phone's: it has none.
            bobLaptop.send(new ClientFrame.Ping("after"));
            assertThat(bobLaptop.next()).isEqualTo(new ServerFrame.Pong("after"));

            aliceSocket.send(new ClientFrame.Typing("t2", chat, TypingState.PAUSED));
            assertThat(bobPhone.next()).isEqualTo(new ServerFrame.Typing(chat, alice, TypingState.PAUSED));
        }
    }

    @Test
    void aClosedChatReceivesNoTyping() {
        String alice = TestTokens.newId();
        String bob = TestTokens.newId();
        String chat = chat(alice, bob);
        try (TestSocket aliceSocket = connect(alice, TestTokens.newId()).ready();
                TestSocket bobPhone = connectToOther(bob).ready();
                TestSocket bobLaptop = connectToOther(bob).ready()) {
            openChat(bobPhone, alice);
            openChat(bobLaptop, alice);
            bobLaptop.send(new ClientFrame.UnsubscribePresence(null, List.of(alice)));
            bobLaptop.send(new ClientFrame.Ping("closed"));
            assertThat(bobLaptop.next()).isEqualTo(new ServerFrame.Pong("closed"));

            aliceSocket.send(new ClientFrame.Typing(null, chat, TypingState.COMPOSING));

            assertThat(bobPhone.next()).isInstanceOf(ServerFrame.Typing.class);
            bobLaptop.send(new ClientFrame.Ping("after"));
            assertThat(bobLaptop.next()).isEqualTo(new ServerFrame.Pong("after"));
        }
    }

    @Test
    void onlyAMemberMayTypeInAChat() {
        String alice = TestTokens.newId();
        String bob = TestTokens.newId();
        String carol = TestTokens.newId();
        try (TestSocket carolSocket = connect(carol, TestTokens.newId()).ready()) {
            carolSocket.send(new ClientFrame.Typing("outsider", chat(alice, bob), TypingState.COMPOSING));
            assertThat(carolSocket.next(ServerFrame.Error.class))
                    .isEqualTo(new ServerFrame.Error("outsider", ErrorCode.NOT_A_MEMBER, "you are not a member of this chat", false));

            carolSocket.send(new ClientFrame.Typing("reversed", "d:" + higher(carol, bob) + ":" + lower(carol, bob),
                    TypingState.COMPOSING));
            ServerFrame.Error malformed = carolSocket.next(ServerFrame.Error.class);
            assertThat(malformed.ref()).isEqualTo("reversed");
            assertThat(malformed.code()).isEqualTo(ErrorCode.INVALID_FIELD);

            String nobody = TestTokens.newId();
            BACKENDS.users.noAccount(nobody);
            carolSocket.send(new ClientFrame.Typing("ghost", chat(carol, nobody), TypingState.COMPOSING));
            assertThat(carolSocket.next(ServerFrame.Error.class).code()).isEqualTo(ErrorCode.NOT_A_MEMBER);
        }
    }

    @Test
    void aBlockedPairSeesNoTypingEitherWay() throws InterruptedException {
        String alice = TestTokens.newId();
        String bob = TestTokens.newId();
        BACKENDS.users.block(bob, alice);
        try (TestSocket aliceSocket = connect(alice, TestTokens.newId()).ready();
                TestSocket bobPhone = connectToOther(bob).ready()) {
            openChat(bobPhone, alice);
            openChat(aliceSocket, bob);

            aliceSocket.send(new ClientFrame.Typing(null, chat(alice, bob), TypingState.COMPOSING));
            bobPhone.send(new ClientFrame.Typing(null, chat(alice, bob), TypingState.COMPOSING));

            // Nothing to wait for: the absence of a frame can only be observed over time.
            assertThat(bobPhone.quietFor(Duration.ofSeconds(1))).isTrue();
            assertThat(aliceSocket.quietFor(Duration.ofMillis(200))).isTrue();
        }
    }

    @Test
    void typingFasterThanTheLimitIsRefused() {
        String alice = TestTokens.newId();
        String bob = TestTokens.newId();
        try (TestSocket aliceSocket = connect(alice, TestTokens.newId()).ready()) {
            for (int i = 0; i < 20; i++) {
                aliceSocket.send(new ClientFrame.Typing("t" + i, chat(alice, bob), TypingState.COMPOSING));
            }
            aliceSocket.send(new ClientFrame.Ping("end"));
            List<ServerFrame> answers = new ArrayList<>();
            for (ServerFrame frame = aliceSocket.next(); !(frame instanceof ServerFrame.Pong); frame = aliceSocket.next()) {
                answers.add(frame);
            }
            assertThat(answers).isNotEmpty().allSatisfy(frame ->
                    assertThat(((ServerFrame.Error) frame).code()).isEqualTo(ErrorCode.RATE_LIMITED));
        }
    }

    /** Watching the other user is how a device says it has the 1:1 chat open (docs/presence.md). */
    private static void openChat(TestSocket socket, String otherUser) {
        socket.send(new ClientFrame.SubscribePresence(null, List.of(otherUser)));
        assertThat(socket.next(ServerFrame.Presence.class).user()).isEqualTo(otherUser);
    }

    /** Waits for the hello and for the connection's registration (frames are read only after it). */
    private static TestSocket connectToOther(String user) {
        return TestSocket.connect(TestGateways.webSocketUri(otherGateway), TOKENS.accessToken(user, TestTokens.newId()));
    }

    private static String chat(String a, String b) {
        return "d:" + lower(a, b) + ":" + higher(a, b);
    }

    private static String lower(String a, String b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private static String higher(String a, String b) {
        return a.compareTo(b) < 0 ? b : a;
    }
}
