package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.client.ChatIds;
import io.parley.e2e.support.Accounts;
import io.parley.e2e.support.Device;
import io.parley.e2e.support.History;
import io.parley.gateway.support.TestSocket;
import io.parley.protocol.ClientFrame;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.Protocol;
import io.parley.protocol.ServerFrame;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile and broken input over a real connection: each gets its documented error, the connection stays usable
 * (but for an oversize frame: 1009), and nothing reaches storage.
 */
@Order(2)
@Timeout(120)
class BadInputEndToEndTest extends EndToEndTest {

    @Test
    void everyBadFrameGetsItsErrorTheConnectionStaysUsableAndNothingIsPersisted() {
        Accounts.Account alice = accounts.register("alice");
        Accounts.Account bob = accounts.register("bob");
        Accounts.Account mallory = accounts.register("mallory");
        String alicesChat = ChatIds.direct(alice.userId(), bob.userId());
        String mallorysChat = ChatIds.direct(mallory.userId(), bob.userId());
        Device alicesPhone = connect(accounts.login(alice, "phone"), gateway(0));
        alicesPhone.sendText(alicesChat, "hi bob").join();
        Accounts.SignedInDevice mallorysPhone = accounts.login(mallory, "phone");

        try (TestSocket socket = TestSocket.connect(gateway(1), mallorysPhone.accessToken())) {
            assertThat(socket.hello().user()).isEqualTo(mallory.userId());

            List<Object[]> cases = List.of(
                    // malformed JSON
                    new Object[] {"{\"type\":\"send\",\"client_msg_id\":", ErrorCode.BAD_JSON},
                    // a frame type protocol v1 does not have
                    new Object[] {"{\"type\":\"delete_everything\",\"ref\":\"r\"}", ErrorCode.UNKNOWN_TYPE},
                    // a send without chat and content type
                    new Object[] {"{\"type\":\"send\",\"ref\":\"r\",\"client_msg_id\":\"m1\",\"body\":\"x\"}", ErrorCode.MISSING_FIELD},
                    // a body one byte over 64 KiB, to a chat Mallory is in
                    new Object[] {send("m2", mallorysChat, "x".repeat(Protocol.MAX_BODY_BYTES + 1)), ErrorCode.BODY_TOO_LARGE},
                    // a chat Mallory is not in
                    new Object[] {send("m3", alicesChat, "let me in"), ErrorCode.NOT_A_MEMBER},
                    // a chat with a user who has no account does not exist
                    new Object[] {send("m6", ChatIds.direct(mallory.userId(), UUID.randomUUID().toString()), "anyone?"),
                            ErrorCode.NOT_A_MEMBER},
                    // Bob's id in upper case: not another spelling of Bob's chat, a malformed chat id
                    new Object[] {send("m7", ChatIds.direct(mallory.userId(), bob.userId().toUpperCase(Locale.ROOT)), "hi"),
                            ErrorCode.INVALID_FIELD},
                    // Mallory's token, claiming to be Alice: frames never choose their user
                    new Object[] {"{\"type\":\"send\",\"ref\":\"r\",\"client_msg_id\":\"m4\",\"chat\":\"" + alicesChat
                            + "\",\"content_type\":\"text/plain\",\"body\":\"it's me, alice\",\"from\":\"" + alice.userId()
                            + "\",\"user\":\"" + alice.userId() + "\"}", ErrorCode.NOT_A_MEMBER});
            for (Object[] badCase : cases) {
                socket.send((String) badCase[0]);
                assertThat(socket.next(ServerFrame.Error.class).code()).as((String) badCase[0]).isEqualTo(badCase[1]);
                socket.send(new ClientFrame.Ping("still-usable"));
                assertThat(socket.next()).isEqualTo(new ServerFrame.Pong("still-usable"));
            }

            socket.send(send("m5", mallorysChat, "y".repeat(300_000)));
            assertThat(socket.awaitClose()).isEqualTo(Protocol.CLOSE_TOO_BIG);
        }

        assertThat(history.all(alicesPhone.login, alicesChat)).extracting(History.StoredMessage::body)
                .containsExactly("hi bob");
        assertThat(history.chats(mallorysPhone)).isEmpty();
        assertThat(history.chats(accounts.login(bob, "phone"))).extracting(History.ChatSummary::chat)
                .containsExactly(alicesChat);
    }

    @Test
    void aConnectionWithoutAValidTokenIsRefused() {
        Accounts.SignedInDevice mallory = accounts.login(accounts.register("mallory"), "phone");
        String[] parts = mallory.accessToken().split("\\.");
        String otherPayload = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];

        assertThat(TestSocket.refusedStatus(gateway(0), null)).isEqualTo(401);
        assertThat(TestSocket.refusedStatus(gateway(0), "Bearer " + otherPayload)).as("tampered payload").isEqualTo(401);
        assertThat(TestSocket.refusedStatus(gateway(0), "Bearer not-a-token")).isEqualTo(401);
    }

    private static String send(String clientMsgId, String chat, String body) {
        return "{\"type\":\"send\",\"ref\":\"" + clientMsgId + "\",\"client_msg_id\":\"" + clientMsgId + "\",\"chat\":\""
                + chat + "\",\"content_type\":\"text/plain\",\"body\":\"" + body + "\"}";
    }
}
