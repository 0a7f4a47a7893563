package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.parley.gateway.support.TestGateways;
import io.parley.gateway.support.TestSocket;
import io.parley.gateway.support.TestTokens;
import io.parley.gateway.typing.ChatOpeners;
import io.parley.protocol.ClientFrame;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.Protocol;
import io.parley.protocol.ServerFrame;
import io.parley.protocol.TypingState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Typing in group chats between two gateways on one real Redis: the test's gateway ({@code gw-test}) and a second
 * instance ({@code gw-groups}), with chat-service's CheckMembership faked behind its gRPC contract.
 */
class GroupTypingIntegrationTest extends GatewayIntegrationTest {

    static final String MEMBERSHIP_CACHE_TTL = "500ms";
    private static final Pattern PUBLISH_CALLS = Pattern.compile("cmdstat_publish:calls=(\\d+)");

    static ConfigurableApplicationContext otherGateway;
    static RedisClient redisClient;
    static StatefulRedisConnection<String, String> redis;

    @Autowired
    ChatOpeners openersHere;

    @BeforeAll
    static void startOtherGatewayAndConnect() {
        otherGateway = TestGateways.start("gw-groups", REDIS, KAFKA, TOKENS, BACKENDS,
                "--parley.gateway.typing.membership-cache-ttl=" + MEMBERSHIP_CACHE_TTL);
        redisClient = RedisClient.create(REDIS.uri());
        redis = redisClient.connect();
    }

    @AfterAll
    static void stop() {
        otherGateway.close();
        redis.close();
        redisClient.shutdown();
    }

    @Test
    void typingReachesTheMembersWithTheChatOpenOnEitherGatewayWithOnePublishWhateverTheGroupSize() throws InterruptedException {
        String alice = TestTokens.newId();
        String bob = TestTokens.newId();
        String carol = TestTokens.newId();
        String dave = TestTokens.newId();
        String erin = TestTokens.newId();
        String chat = newGroup(1_024, alice, bob, carol, dave, erin);
        BACKENDS.users.block(dave, alice);
        try (TestSocket alicePhone = connect(alice, TestTokens.newId()).ready();
                TestSocket aliceLaptop = connectToOther(alice).ready();
                TestSocket bobSocket = connect(bob, TestTokens.newId()).ready();
                TestSocket carolSocket = connectToOther(carol).ready();
                TestSocket daveSocket = connectToOther(dave).ready();
                TestSocket erinSocket = connectToOther(erin).ready()) {
            openChat(chat, aliceLaptop, carolSocket, daveSocket);
            openChat(chat, bobSocket);
            awaitOpen(chat, 1, 3);
            long publishesBefore = publishCalls();

            alicePhone.send(new ClientFrame.Typing("t1", chat, TypingState.COMPOSING));

            ServerFrame.Typing typing = new ServerFrame.Typing(chat, alice, TypingState.COMPOSING);
            assertThat(bobSocket.next()).as("served on the sending gateway").isEqualTo(typing);
            assertThat(carolSocket.next()).as("served through Redis").isEqualTo(typing);
            await().atMost(Duration.ofSeconds(10)).until(() -> publishCalls() > publishesBefore);
            assertThat(publishCalls() - publishesBefore).as("PUBLISHes for one typing frame in a group of 1,024")
                    .isEqualTo(1);
            for (TestSocket nothing : List.of(aliceLaptop, erinSocket, alicePhone)) {
                nothing.send(new ClientFrame.Ping("after"));
                assertThat(nothing.next()).as("the sender's devices and a member without the chat open get nothing")
                        .isEqualTo(new ServerFrame.Pong("after"));
            }
            // Nothing to wait for: the absence of a frame can only be observed over time.
            assertThat(daveSocket.quietFor(Duration.ofSeconds(1))).as("dave blocks alice").isTrue();
            assertThat(publishCalls() - publishesBefore).isEqualTo(1);
        }
    }

    @Test
    void aNonMemberCannotOpenTheChatNorTypeInIt() {
        String alice = TestTokens.newId();
        String chat = newGroup(2, alice);
        try (TestSocket outsider = connectToOther(TestTokens.newId()).ready()) {
            outsider.send(new ClientFrame.OpenChat("open", chat));
            assertThat(outsider.next(ServerFrame.Error.class))
                    .isEqualTo(new ServerFrame.Error("open", ErrorCode.NOT_A_MEMBER, "you are not a member of this chat", false));
            outsider.send(new ClientFrame.Typing("type", chat, TypingState.COMPOSING));
            assertThat(outsider.next(ServerFrame.Error.class))
                    .isEqualTo(new ServerFrame.Error("type", ErrorCode.NOT_A_MEMBER, "you are not a member of this chat", false));

            outsider.send(new ClientFrame.Typing("malformed", "g:not-a-uuid", TypingState.COMPOSING));
            assertThat(outsider.next(ServerFrame.Error.class).code()).isEqualTo(ErrorCode.INVALID_FIELD);
            outsider.send(new ClientFrame.OpenChat("malformed", "g:NOT-A-UUID"));
            assertThat(outsider.next(ServerFrame.Error.class).code()).isEqualTo(ErrorCode.INVALID_FIELD);
        }
        assertThat(((ChatOpeners) otherGateway.getBean(ChatOpeners.class)).openers(chat)).isZero();
    }

    @Test
    void membershipThatCannotBeCheckedFailsClosed() {
        String alice = TestTokens.newId();
        String chat = newGroup(2, alice);
        BACKENDS.chatMembership.cannotCheck(alice);
        try (TestSocket socket = connect(alice, TestTokens.newId()).ready()) {
            socket.send(new ClientFrame.Typing("type", chat, TypingState.COMPOSING));
            ServerFrame.Error typing = socket.next(ServerFrame.Error.class);
            assertThat(typing.code()).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(typing.retriable()).isTrue();
            socket.send(new ClientFrame.OpenChat("open", chat));
            assertThat(socket.next(ServerFrame.Error.class).code()).isEqualTo(ErrorCode.UNAVAILABLE);
        }
        assertThat(openersHere.openers(chat)).isZero();
    }

    @Test
    void aRemovedMemberStopsReceivingTypingAndLosesTheOpenChat() throws InterruptedException {
        String alice = TestTokens.newId();
        String bob = TestTokens.newId();
        String chat = newGroup(2, alice, bob);
        try (TestSocket aliceSocket = connect(alice, TestTokens.newId()).ready();
                TestSocket bobSocket = connectToOther(bob).ready()) {
            openChat(chat, bobSocket);
            awaitOpen(chat, 0, 1);

            BACKENDS.chatMembership.remove(chat, bob);

            // Until the receiving gateway's cached answer runs out, bob may still get some.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(700)).until(() -> {
                aliceSocket.send(new ClientFrame.Typing(null, chat, TypingState.COMPOSING));
                return otherOpeners().openers(chat) == 0;
            });
            drain(bobSocket);
            aliceSocket.send(new ClientFrame.Typing(null, chat, TypingState.COMPOSING));
            assertThat(bobSocket.quietFor(Duration.ofSeconds(1))).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> subscribers(chat) == 0);
        }
    }

    @Test
    void aClosedChatGetsNoTypingAndTheLastCloseEndsTheGatewaysSubscription() {
        String alice = TestTokens.newId();
        String bob = TestTokens.newId();
        String chat = newGroup(2, alice, bob);
        try (TestSocket aliceSocket = connect(alice, TestTokens.newId()).ready()) {
            TestSocket bobPhone = connectToOther(bob).ready();
            try (TestSocket bobLaptop = connectToOther(bob).ready()) {
                openChat(chat, bobPhone, bobLaptop);
                awaitOpen(chat, 0, 2);
                assertThat(subscribers(chat)).as("one Redis subscription per gateway, not per connection").isEqualTo(1);

                bobLaptop.send(new ClientFrame.CloseChat(null, chat));
                await().atMost(Duration.ofSeconds(10)).until(() -> otherOpeners().openers(chat) == 1);
                aliceSocket.send(new ClientFrame.Typing(null, chat, TypingState.PAUSED));

                assertThat(bobPhone.next()).isEqualTo(new ServerFrame.Typing(chat, alice, TypingState.PAUSED));
                bobLaptop.send(new ClientFrame.Ping("closed"));
                assertThat(bobLaptop.next()).isEqualTo(new ServerFrame.Pong("closed"));
            }
            bobPhone.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> otherOpeners().openers(chat) == 0 && subscribers(chat) == 0);
        }
    }

    @Test
    void aDirectChatOpenedWithOpenChatReceivesTypingAndAConnectionOpensAtMost256Chats() {
        String alice = TestTokens.newId();
        String bob = TestTokens.newId();
        String direct = alice.compareTo(bob) < 0 ? "d:" + alice + ":" + bob : "d:" + bob + ":" + alice;
        try (TestSocket aliceSocket = connect(alice, TestTokens.newId()).ready();
                TestSocket bobSocket = connectToOther(bob).ready()) {
            openChat(direct, bobSocket);
            await().atMost(Duration.ofSeconds(10)).until(() -> otherOpeners().openers(direct) == 1);

            aliceSocket.send(new ClientFrame.Typing(null, direct, TypingState.COMPOSING));
            assertThat(bobSocket.next()).isEqualTo(new ServerFrame.Typing(direct, alice, TypingState.COMPOSING));

            for (int i = 1; i < Protocol.MAX_OPEN_CHATS; i++) {
                String other = TestTokens.newId();
                bobSocket.send(new ClientFrame.OpenChat(null, bob.compareTo(other) < 0 ? "d:" + bob + ":" + other : "d:" + other + ":" + bob));
            }
            bobSocket.send(new ClientFrame.OpenChat("over", "d:" + bob + ":" + "ffffffff-ffff-4fff-bfff-ffffffffffff"));
            ServerFrame.Error refused = bobSocket.next(ServerFrame.Error.class);
            assertThat(refused.ref()).isEqualTo("over");
            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        }
    }

    /** A group chat of {@code size} members (chat-service's answer), {@code named} among them. */
    private static String newGroup(int size, String... named) {
        String chat = "g:" + UUID.randomUUID();
        List<String> members = new ArrayList<>(List.of(named));
        while (members.size() < size) {
            members.add(TestTokens.newId());
        }
        BACKENDS.chatMembership.group(chat, members);
        return chat;
    }

    private static void openChat(String chat, TestSocket... sockets) {
        for (TestSocket socket : sockets) {
            socket.send(new ClientFrame.OpenChat(null, chat));
        }
    }

    /** Waits until each gateway has its openers of the chat and Redis confirmed the gateways' subscriptions. */
    private void awaitOpen(String chat, int here, int onOther) {
        await().atMost(Duration.ofSeconds(10)).until(() -> openersHere.openers(chat) == here
                && otherOpeners().openers(chat) == onOther
                && subscribers(chat) == (here > 0 ? 1 : 0) + (onOther > 0 ? 1 : 0));
    }

    private static void drain(TestSocket socket) {
        socket.send(new ClientFrame.Ping("drain"));
        for (ServerFrame frame = socket.next(); !(frame instanceof ServerFrame.Pong); frame = socket.next()) {
            assertThat(frame).isInstanceOf(ServerFrame.Typing.class);
        }
    }

    private static ChatOpeners otherOpeners() {
        return otherGateway.getBean(ChatOpeners.class);
    }

    private static long subscribers(String chat) {
        String channel = "parley:typing:chat:" + chat;
        return redis.sync().pubsubNumsub(channel).getOrDefault(channel, 0L);
    }

    private static long publishCalls() {
        Matcher calls = PUBLISH_CALLS.matcher(redis.sync().info("commandstats"));
        return calls.find() ? Long.parseLong(calls.group(1)) : 0;
    }

    private static TestSocket connectToOther(String user) {
        return TestSocket.connect(TestGateways.webSocketUri(otherGateway), TOKENS.accessToken(user, TestTokens.newId()));
    }
}
