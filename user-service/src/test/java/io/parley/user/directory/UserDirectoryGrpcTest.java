package io.parley.user.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.parley.proto.user.v1.CheckBlockedRequest;
import io.parley.proto.user.v1.CheckBlockedResponse;
import io.parley.proto.user.v1.GetDeviceRequest;
import io.parley.proto.user.v1.GetPrivacyRequest;
import io.parley.proto.user.v1.GetPrivacyResponse;
import io.parley.proto.user.v1.GetUserRequest;
import io.parley.proto.user.v1.IsContactRequest;
import io.parley.proto.user.v1.LastSeenVisibility;
import io.parley.proto.user.v1.ListDevicesRequest;
import io.parley.proto.user.v1.Platform;
import io.parley.proto.user.v1.UserDirectoryGrpc;
import io.parley.proto.user.v1.UserProfile;
import io.parley.user.support.Session;
import io.parley.user.support.UserServiceIntegrationTest;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gRPC UserDirectory through a real stub on the service's real port. */
class UserDirectoryGrpcTest extends UserServiceIntegrationTest {

    private UserDirectoryGrpc.UserDirectoryBlockingStub directory;
    private Session alice;
    private Session bob;

    @BeforeEach
    void twoUsers() {
        directory = grpc.directory();
        alice = api.newUser();
        bob = api.newUser();
    }

    @Test
    void getUserReturnsTheProfile() {
        api.patch(alice, "{\"about\":\"Hi there\",\"avatarMediaId\":\"media_123\"}", "/v1/users/{u}", alice.userId()).expectStatus().isOk();

        UserProfile profile = directory.getUser(GetUserRequest.newBuilder().setUserId(alice.userId().toString()).build()).getUser();

        assertThat(profile.getUsername()).isEqualTo(alice.username());
        assertThat(profile.getDisplayName()).isEqualTo("User " + alice.username());
        assertThat(profile.getAbout()).isEqualTo("Hi there");
        assertThat(profile.getAvatarMediaId()).isEqualTo("media_123");
    }

    @Test
    void unknownAndMalformedIdsAreReportedWithErrorInfo() {
        assertError(() -> directory.getUser(GetUserRequest.newBuilder().setUserId(UUID.randomUUID().toString()).build()),
                Status.Code.NOT_FOUND, "USER_NOT_FOUND");
        assertError(() -> directory.getUser(GetUserRequest.newBuilder().setUserId("alice").build()),
                Status.Code.INVALID_ARGUMENT, "MALFORMED_ID");
        assertError(() -> directory.getPrivacy(GetPrivacyRequest.newBuilder().setUserId(UUID.randomUUID().toString()).build()),
                Status.Code.NOT_FOUND, "USER_NOT_FOUND");
        assertError(() -> directory.getDevice(GetDeviceRequest.newBuilder().setUserId(alice.userId().toString())
                .setDeviceId(UUID.randomUUID().toString()).build()), Status.Code.NOT_FOUND, "DEVICE_NOT_FOUND");
    }

    @Test
    void checkBlockedAnswersBothDirections() {
        api.put(bob, "", "/v1/users/{u}/blocks/{b}", bob.userId(), alice.userId()).expectStatus().isNoContent();

        CheckBlockedResponse aliceToBob = directory.checkBlocked(CheckBlockedRequest.newBuilder()
                .setUserId(alice.userId().toString()).setTargetUserId(bob.userId().toString()).build());
        CheckBlockedResponse bobToAlice = directory.checkBlocked(CheckBlockedRequest.newBuilder()
                .setUserId(bob.userId().toString()).setTargetUserId(alice.userId().toString()).build());

        assertThat(aliceToBob.getBlockedByTarget()).isTrue();
        assertThat(aliceToBob.getBlocksTarget()).isFalse();
        assertThat(bobToAlice.getBlockedByTarget()).isFalse();
        assertThat(bobToAlice.getBlocksTarget()).isTrue();
        assertThat(aliceToBob.getTargetUnknown()).isFalse();
        assertThat(bobToAlice.getTargetUnknown()).isFalse();
    }

    @Test
    void checkBlockedSaysWhenTheTargetDoesNotExist() {
        CheckBlockedResponse toNobody = directory.checkBlocked(CheckBlockedRequest.newBuilder()
                .setUserId(alice.userId().toString()).setTargetUserId(UUID.randomUUID().toString()).build());

        assertThat(toNobody).isEqualTo(CheckBlockedResponse.newBuilder().setTargetUnknown(true).build());
    }

    @Test
    void isContactFollowsTheContactList() {
        IsContactRequest aliceHasBob = IsContactRequest.newBuilder()
                .setUserId(alice.userId().toString()).setContactUserId(bob.userId().toString()).build();
        assertThat(directory.isContact(aliceHasBob).getIsContact()).isFalse();

        api.put(alice, "", "/v1/users/{u}/contacts/{c}", alice.userId(), bob.userId()).expectStatus().isNoContent();

        assertThat(directory.isContact(aliceHasBob).getIsContact()).isTrue();
    }

    @Test
    void getPrivacyReturnsDefaultsThenTheUsersChoice() {
        GetPrivacyRequest request = GetPrivacyRequest.newBuilder().setUserId(alice.userId().toString()).build();
        assertThat(directory.getPrivacy(request)).isEqualTo(GetPrivacyResponse.newBuilder()
                .setLastSeen(LastSeenVisibility.LAST_SEEN_VISIBILITY_CONTACTS).setReadReceipts(true).build());

        api.put(alice, "{\"lastSeen\":\"nobody\",\"readReceipts\":false}", "/v1/users/{u}/privacy", alice.userId()).expectStatus().isOk();

        assertThat(directory.getPrivacy(request)).isEqualTo(GetPrivacyResponse.newBuilder()
                .setLastSeen(LastSeenVisibility.LAST_SEEN_VISIBILITY_NOBODY).setReadReceipts(false).build());
    }

    @Test
    void listDevicesAndGetDeviceShowActiveDevices() {
        Session second = api.newDevice(alice);

        assertThat(directory.listDevices(ListDevicesRequest.newBuilder().setUserId(alice.userId().toString()).build()).getDevicesList())
                .extracting(device -> device.getDeviceId())
                .containsExactlyInAnyOrder(alice.deviceId().toString(), second.deviceId().toString());
        assertThat(directory.getDevice(GetDeviceRequest.newBuilder().setUserId(alice.userId().toString())
                .setDeviceId(second.deviceId().toString()).build()).getDevice().getPlatform()).isEqualTo(Platform.PLATFORM_ANDROID);
        assertThat(directory.listDevices(ListDevicesRequest.newBuilder().setUserId(UUID.randomUUID().toString()).build())
                .getDevicesList()).isEmpty();
    }

    private static void assertError(ThrowableAssert.ThrowingCallable call, Status.Code code, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StatusRuntimeException.class, failure -> {
            assertThat(failure.getStatus().getCode()).isEqualTo(code);
            com.google.rpc.Status status = StatusProto.fromThrowable(failure);
            assertThat(status).isNotNull();
            assertThat(status.getDetailsList()).anySatisfy(detail -> {
                ErrorInfo info = unpack(detail);
                assertThat(info.getDomain()).isEqualTo("parley.io");
                assertThat(info.getReason()).isEqualTo(reason);
            });
        });
    }

    private static ErrorInfo unpack(com.google.protobuf.Any detail) {
        try {
            return detail.unpack(ErrorInfo.class);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
