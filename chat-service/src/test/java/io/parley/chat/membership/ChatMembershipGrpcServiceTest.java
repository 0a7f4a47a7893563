package io.parley.chat.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannelBuilder;
import io.parley.error.GrpcErrors;
import io.parley.proto.chat.v1.ChatMembershipGrpc;
import io.parley.proto.chat.v1.CheckMembershipRequest;
import io.parley.proto.error.v1.ErrorReason;
import java.io.IOException;
import java.util.Collections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Through a real stub over a loopback socket; group chats (read from Cassandra) in GroupMembershipIntegrationTest. */
class ChatMembershipGrpcServiceTest {

    private static final String ALICE = "00000000-0000-4000-8000-00000000000a";
    private static final String BOB = "00000000-0000-4000-8000-00000000000b";
    private static final String CAROL = "00000000-0000-4000-8000-00000000000c";

    private Server server;
    private ManagedChannel channel;
    private ChatMembershipGrpc.ChatMembershipBlockingStub stub;

    @BeforeEach
    void start() throws IOException {
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addService(new ChatMembershipGrpcService(null, null)).build().start();
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
        stub = ChatMembershipGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void aUserIsAMemberOfTheDirectChatsTheirIdIsIn() {
        var answer = stub.checkMembership(CheckMembershipRequest.newBuilder().setUserId(ALICE)
                .addChatIds("d:" + ALICE + ":" + BOB)
                .addChatIds("d:" + BOB + ":" + CAROL)
                // not in lexicographic order, so not a chat id
                .addChatIds("d:" + BOB + ":" + ALICE)
                .addChatIds("nonsense")
                .build());

        assertThat(answer.getMemberChatIdsList()).containsExactly("d:" + ALICE + ":" + BOB);
    }

    @Test
    void aMalformedUserIdOrTooManyChatsIsInvalid() {
        assertThat(reasonOf(CheckMembershipRequest.newBuilder().setUserId("alice").build())).isEqualTo(ErrorReason.MALFORMED_ID);
        assertThat(reasonOf(CheckMembershipRequest.newBuilder().setUserId(ALICE)
                .addAllChatIds(Collections.nCopies(ChatMembershipGrpcService.MAX_CHATS + 1, "d:x")).build()))
                .isEqualTo(ErrorReason.INVALID_REQUEST);
    }

    private ErrorReason reasonOf(CheckMembershipRequest request) {
        try {
            stub.checkMembership(request);
        } catch (StatusRuntimeException failure) {
            assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            return GrpcErrors.reasonOf(failure);
        }
        throw new AssertionError("the call succeeded");
    }
}
