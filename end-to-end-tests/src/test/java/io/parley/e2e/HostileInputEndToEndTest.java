package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.parley.client.ChatIds;
import io.parley.e2e.support.Accounts;
import io.parley.e2e.support.HostileFrames;
import io.parley.e2e.support.History;
import io.parley.gateway.support.TestSocket;
import io.parley.protocol.ClientFrame;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.Protocol;
import io.parley.protocol.ServerFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A generated hostile-input run against the real system: well over a thousand malformed frames (broken and deeply
 * nested JSON, wrong types, huge and negative numbers, control and non-ASCII characters in every string field,
 * other users' chats and ids, binary frames, frames just under and over each limit), interleaved with valid sends.
 * Each bad frame must get its documented error and leave the connection usable (a ping answered after every one,
 * a valid send accepted after every 25); at the end the oversize frame closes the connection with 1009, nothing of
 * the bad frames is stored, and the gateway accepts a new connection. The seed is printed so a failure replays.
 */
@Order(2)
@Timeout(600)
class HostileInputEndToEndTest extends EndToEndTest {

    private static final int CASES_PER_CATEGORY = 90;
    private static final int VALID_SEND_EVERY = 25;
    private static final int MAX_FRAME_BYTES = 256 * 1024;
    private static final Duration RATE_LIMIT_DEADLINE = Duration.ofSeconds(30);

    @Test
    void everyHostileFrameGetsItsDocumentedErrorAndLeavesNothingBehind() {
        Accounts.Account alice = accounts.register("alice");
        Accounts.Account bob = accounts.register("bob");
        Accounts.Account mallory = accounts.register("mallory");
        String alicesChat = ChatIds.direct(alice.userId(), bob.userId());
        String mallorysChat = ChatIds.direct(mallory.userId(), bob.userId());
        Accounts.SignedInDevice alicesPhone = accounts.login(alice, "phone");
        Accounts.SignedInDevice mallorysPhone = accounts.login(mallory, "phone");
        long seed = ThreadLocalRandom.current().nextLong();
        HostileFrames generator = new HostileFrames(seed, alicesChat, mallory.userId(), alice.userId());
        List<HostileFrames.Case> cases = generator.generate(CASES_PER_CATEGORY);
        Map<String, Integer> byCategory = new TreeMap<>();
        List<String> validBodies = new ArrayList<>();

        try (TestSocket socket = TestSocket.connect(gateway(1), mallorysPhone.accessToken())) {
            assertThat(socket.hello().user()).isEqualTo(mallory.userId());
            for (int i = 0; i < cases.size(); i++) {
                HostileFrames.Case hostile = cases.get(i);
                String context = "case " + i + " of seed " + seed + ", " + hostile.describe();
                assertThat(answer(socket, hostile, context)).as(context).isEqualTo(hostile.expected());
                socket.send(new ClientFrame.Ping("after-" + i));
                assertThat(socket.next()).as("still usable after " + context).isEqualTo(new ServerFrame.Pong("after-" + i));
                byCategory.merge(hostile.category(), 1, Integer::sum);
                if (i % VALID_SEND_EVERY == VALID_SEND_EVERY - 1) {
                    String body = "valid " + validBodies.size();
                    sendValid(socket, mallorysChat, "valid-" + validBodies.size(), body, context);
                    validBodies.add(body);
                }
            }

            socket.send(generator.oversizeFrame(MAX_FRAME_BYTES));
            assertThat(socket.awaitClose()).as("a frame over the size limit").isEqualTo(Protocol.CLOSE_TOO_BIG);
        }
        System.out.printf("hostile-input: %d WebSocket cases (seed %d) by category %s, %d valid sends interleaved%n",
                cases.size() + 1, seed, byCategory, validBodies.size());

        assertThat(cases.size()).isGreaterThanOrEqualTo(1_000);
        assertThat(history.all(alicesPhone, alicesChat)).as("the chat the attacker targeted").isEmpty();
        assertThat(history.chats(mallorysPhone)).extracting(History.ChatSummary::chat).containsExactly(mallorysChat);
        assertThat(history.all(mallorysPhone, mallorysChat)).extracting(History.StoredMessage::body)
                .as("exactly the valid sends, in order").containsExactlyElementsOf(validBodies);
        try (TestSocket again = TestSocket.connect(gateway(1), mallorysPhone.accessToken())) {
            assertThat(again.hello().user()).as("the gateway is alive").isEqualTo(mallory.userId());
        }
    }

    /** The code of the error a bad frame gets; a rate-limited frame is sent again, as a client must. */
    private static ErrorCode answer(TestSocket socket, HostileFrames.Case hostile, String context) {
        long deadline = System.nanoTime() + RATE_LIMIT_DEADLINE.toNanos();
        while (true) {
            if (hostile.binary()) {
                socket.sendBinary(hostile.bytes());
            } else {
                socket.send(hostile.text());
            }
            ServerFrame answer = socket.next();
            if (!(answer instanceof ServerFrame.Error error)) {
                return fail("expected an error for " + context + " but got " + answer);
            }
            if (error.code() != ErrorCode.RATE_LIMITED || hostile.expected() == ErrorCode.RATE_LIMITED) {
                return error.code();
            }
            awaitRefill(deadline, context);
        }
    }

    private static void sendValid(TestSocket socket, String chat, String clientMsgId, String body, String context) {
        long deadline = System.nanoTime() + RATE_LIMIT_DEADLINE.toNanos();
        while (true) {
            socket.send(new ClientFrame.Send(clientMsgId, clientMsgId, chat, "text/plain",
                    body.getBytes(StandardCharsets.UTF_8)));
            ServerFrame answer = socket.next();
            if (answer instanceof ServerFrame.Sent sent) {
                assertThat(sent.clientMsgId()).isEqualTo(clientMsgId);
                return;
            }
            if (!(answer instanceof ServerFrame.Error error) || error.code() != ErrorCode.RATE_LIMITED) {
                fail("a valid send after " + context + " got " + answer);
            }
            awaitRefill(deadline, context);
        }
    }

    /** The send limit refills at 20 per second: wait one token's time, within an overall bound. */
    private static void awaitRefill(long deadline, String context) {
        if (System.nanoTime() > deadline) {
            fail("still rate-limited after " + RATE_LIMIT_DEADLINE + ": " + context);
        }
        try {
            TimeUnit.MILLISECONDS.sleep(60);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }
}
