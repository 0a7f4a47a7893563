package io.parley.doubles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.parley.proto.user.v1.CheckBlockedRequest;
import io.parley.proto.user.v1.CheckBlockedResponse;
import io.parley.proto.user.v1.GetPrivacyRequest;
import io.parley.proto.user.v1.UserDirectoryGrpc;
import io.parley.testkit.ServiceIdentityCredentials;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The shared double answers over a real mutual-TLS socket as user-service would. */
class FakeUserDirectoryTest {

    private static final FakeUserDirectory DIRECTORY = FakeUserDirectory.shared();
    private static final ManagedChannel CHANNEL = Grpc.newChannelBuilder(FakeUserDirectory.sharedAddress(),
            ServiceIdentityCredentials.callingAs("chat-service")).overrideAuthority("user-service").build();
    private static final UserDirectoryGrpc.UserDirectoryBlockingStub USERS = UserDirectoryGrpc.newBlockingStub(CHANNEL);

    private final String alice = UUID.randomUUID().toString();
    private final String bob = UUID.randomUUID().toString();

    @AfterAll
    static void close() throws InterruptedException {
        CHANNEL.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void blocksAreSeenFromBothSidesAndCounted() {
        DIRECTORY.block(bob, alice);

        CheckBlockedResponse asked = stub().checkBlocked(pair(alice, bob));

        assertThat(asked.getBlockedByTarget()).isTrue();
        assertThat(asked.getBlocksTarget()).isFalse();
        assertThat(stub().checkBlocked(pair(bob, alice)).getBlocksTarget()).isTrue();
        assertThat(DIRECTORY.checksOf(alice, bob)).isEqualTo(1);
    }

    @Test
    void aUserWithoutAccountIsUnknownAndHasNoPrivacySettings() {
        DIRECTORY.noAccount(bob);

        assertThat(stub().checkBlocked(pair(alice, bob)).getTargetUnknown()).isTrue();
        assertThatThrownBy(() -> stub().getPrivacy(GetPrivacyRequest.newBuilder().setUserId(bob).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void readReceiptsAreOnUnlessTurnedOff() {
        DIRECTORY.readReceiptsOff(bob);

        assertThat(stub().getPrivacy(GetPrivacyRequest.newBuilder().setUserId(alice).build()).getReadReceipts()).isTrue();
        assertThat(stub().getPrivacy(GetPrivacyRequest.newBuilder().setUserId(bob).build()).getReadReceipts()).isFalse();
    }

    @Test
    void malformedIdsAreInvalidArguments() {
        assertThatThrownBy(() -> stub().checkBlocked(pair("alice", bob)))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void anUnavailableDirectoryFailsEveryCall() {
        DIRECTORY.setUnavailable(true);
        try {
            assertThatThrownBy(() -> stub().checkBlocked(pair(alice, bob)))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        } finally {
            DIRECTORY.setUnavailable(false);
        }
    }

    private static UserDirectoryGrpc.UserDirectoryBlockingStub stub() {
        return USERS.withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private static CheckBlockedRequest pair(String user, String target) {
        return CheckBlockedRequest.newBuilder().setUserId(user).setTargetUserId(target).build();
    }
}
