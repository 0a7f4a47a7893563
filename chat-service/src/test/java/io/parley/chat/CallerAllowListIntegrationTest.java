package io.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.parley.doubles.GrpcServerPort;
import io.parley.proto.chat.v1.ChatMembershipGrpc;
import io.parley.proto.chat.v1.ChatServiceGrpc;
import io.parley.proto.chat.v1.CheckMembershipRequest;
import io.parley.proto.chat.v1.FetchInboxRequest;
import io.parley.proto.chat.v1.GetGroupMembersRequest;
import io.parley.testkit.ServiceIdentityCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** chat-service's gRPC port over mutual TLS: each of its services answers only the callers that need it. */
class CallerAllowListIntegrationTest extends ChatServiceIntegrationTest {

    @Autowired
    GrpcServerPort port;

    private final List<ManagedChannel> channels = new ArrayList<>();

    @AfterEach
    void closeChannels() {
        channels.forEach(ManagedChannel::shutdownNow);
    }

    @Test
    void chatServiceAnswersTheGatewayOnly() {
        FetchInboxRequest fetch = FetchInboxRequest.newBuilder().setUserId(newUser()).setDeviceId("d").setLimit(1).build();

        assertThat(ChatServiceGrpc.newBlockingStub(channel(as("gateway-service"))).fetchInbox(fetch).getEntriesList())
                .isEmpty();
        for (String other : List.of("media-service", "presence-service", "user-service", "push-service")) {
            assertThatThrownBy(() -> ChatServiceGrpc.newBlockingStub(channel(as(other)))
                    .withDeadlineAfter(Duration.ofSeconds(30)).fetchInbox(fetch))
                    .as(other).isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        }
    }

    @Test
    void checkMembershipAnswersMediaServiceAndTheGatewayOnly() {
        CheckMembershipRequest check = CheckMembershipRequest.newBuilder().setUserId(newUser())
                .addChatIds(chatOf(newUser(), newUser()).value()).build();

        for (String allowed : List.of("media-service", "gateway-service")) {
            assertThat(ChatMembershipGrpc.newBlockingStub(channel(as(allowed))).checkMembership(check)
                    .getMemberChatIdsList()).as(allowed).isEmpty();
        }
        for (String other : List.of("presence-service", "user-service", "push-service")) {
            assertPermissionDenied(other, () -> ChatMembershipGrpc.newBlockingStub(channel(as(other)))
                    .withDeadlineAfter(Duration.ofSeconds(30)).checkMembership(check));
        }
    }

    @Test
    void theGatewayMayNotReadOrChangeGroupMembers() {
        GetGroupMembersRequest members = GetGroupMembersRequest.newBuilder().setChatId("g:" + UUID.randomUUID()).build();

        assertPermissionDenied("gateway-service", () -> ChatMembershipGrpc.newBlockingStub(channel(as("gateway-service")))
                .withDeadlineAfter(Duration.ofSeconds(30)).getGroupMembers(members));
    }

    private static void assertPermissionDenied(String caller, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).as(caller).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void aCallerWithoutACertificateCannotConnect() {
        FetchInboxRequest fetch = FetchInboxRequest.newBuilder().setUserId(newUser()).setDeviceId("d").setLimit(1).build();

        assertThatThrownBy(() -> ChatServiceGrpc.newBlockingStub(channel(InsecureChannelCredentials.create()))
                .withDeadlineAfter(Duration.ofSeconds(30)).fetchInbox(fetch))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    }

    private static ChannelCredentials as(String caller) {
        return ServiceIdentityCredentials.callingAs(caller);
    }

    private ManagedChannel channel(ChannelCredentials credentials) {
        ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", port.get(), credentials).build();
        channels.add(channel);
        return channel;
    }
}
