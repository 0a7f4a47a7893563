package io.parley.doubles;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.parley.proto.user.v1.CheckBlockedRequest;
import io.parley.proto.user.v1.CheckBlockedResponse;
import io.parley.proto.user.v1.ConnectTicketRedeemed;
import io.parley.proto.user.v1.ConnectTicketRejected;
import io.parley.proto.user.v1.Device;
import io.parley.proto.user.v1.GetDeviceRequest;
import io.parley.proto.user.v1.GetDeviceResponse;
import io.parley.proto.user.v1.GetPrivacyRequest;
import io.parley.proto.user.v1.GetPrivacyResponse;
import io.parley.proto.user.v1.IsContactRequest;
import io.parley.proto.user.v1.IsContactResponse;
import io.parley.proto.user.v1.LastSeenVisibility;
import io.parley.proto.user.v1.RedeemConnectTicketRequest;
import io.parley.proto.user.v1.RedeemConnectTicketResponse;
import io.parley.proto.user.v1.UserDirectoryGrpc;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * user-service's UserDirectory as the other services ask it, speaking the real contract. Every well-formed user id
 * has an account, sees everyone's last seen and sends read receipts unless a test says otherwise; ids that are not
 * UUIDs are INVALID_ARGUMENT, as user-service answers them; {@link #setUnavailable} makes every call fail as
 * user-service does while its database is down.
 */
public final class FakeUserDirectory extends UserDirectoryGrpc.UserDirectoryImplBase {

    private static final class Shared {
        static final FakeUserDirectory DIRECTORY = new FakeUserDirectory();
        static final DoubleServer SERVER = DoubleServer.serving("user-service", DIRECTORY);
    }

    private final Set<String> blocks = ConcurrentHashMap.newKeySet();
    private final Set<String> withoutAccount = ConcurrentHashMap.newKeySet();
    private final Set<String> readReceiptsOff = ConcurrentHashMap.newKeySet();
    private final Map<String, LastSeenVisibility> lastSeen = new ConcurrentHashMap<>();
    private final Set<String> contacts = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> checks = new ConcurrentHashMap<>();
    private final Set<String> revokedDevices = ConcurrentHashMap.newKeySet();
    private final Set<String> uncheckableDevices = ConcurrentHashMap.newKeySet();
    private final Map<String, String[]> tickets = new ConcurrentHashMap<>();
    private volatile boolean unavailable;

    /** One served per test JVM, like the other servers; its address is {@link #sharedAddress()}. */
    public static FakeUserDirectory shared() {
        return Shared.DIRECTORY;
    }

    public static String sharedAddress() {
        return Shared.SERVER.address();
    }

    public void block(String blocker, String blocked) {
        blocks.add(blocker + ">" + blocked);
    }

    /** The user id is well formed but names no account. */
    public void noAccount(String userId) {
        withoutAccount.add(userId);
    }

    public void readReceiptsOff(String userId) {
        readReceiptsOff.add(userId);
    }

    public void lastSeen(String userId, LastSeenVisibility visibility) {
        lastSeen.put(userId, visibility);
    }

    /** {@code owner} has {@code contact} in their contact list. */
    public void addContact(String owner, String contact) {
        contacts.add(owner + ">" + contact);
    }

    public void setUnavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    /** How many CheckBlocked calls asked about this pair (to see a caller's cache at work). */
    public int checksOf(String userId, String targetUserId) {
        AtomicInteger count = checks.get(userId + ">" + targetUserId);
        return count == null ? 0 : count.get();
    }

    public void revoke(String deviceId) {
        revokedDevices.add(deviceId);
    }

    /** GetDevice about this device answers UNAVAILABLE. */
    public void cannotCheck(String deviceId) {
        uncheckableDevices.add(deviceId);
    }

    public void issueTicket(String ticket, String userId, String deviceId) {
        tickets.put(ticket, new String[] {userId, deviceId});
    }

    @Override
    public void checkBlocked(CheckBlockedRequest request, StreamObserver<CheckBlockedResponse> responses) {
        checks.computeIfAbsent(request.getUserId() + ">" + request.getTargetUserId(), pair -> new AtomicInteger()).incrementAndGet();
        if (refused(responses) || malformed(responses, request.getUserId(), request.getTargetUserId())) {
            return;
        }
        responses.onNext(CheckBlockedResponse.newBuilder()
                .setBlockedByTarget(blocks.contains(request.getTargetUserId() + ">" + request.getUserId()))
                .setBlocksTarget(blocks.contains(request.getUserId() + ">" + request.getTargetUserId()))
                .setTargetUnknown(withoutAccount.contains(request.getTargetUserId()))
                .build());
        responses.onCompleted();
    }

    @Override
    public void getPrivacy(GetPrivacyRequest request, StreamObserver<GetPrivacyResponse> responses) {
        if (refused(responses) || malformed(responses, request.getUserId())) {
            return;
        }
        if (withoutAccount.contains(request.getUserId())) {
            responses.onError(Status.NOT_FOUND.withDescription("USER_NOT_FOUND").asRuntimeException());
            return;
        }
        responses.onNext(GetPrivacyResponse.newBuilder()
                .setLastSeen(lastSeen.getOrDefault(request.getUserId(), LastSeenVisibility.LAST_SEEN_VISIBILITY_EVERYONE))
                .setReadReceipts(!readReceiptsOff.contains(request.getUserId()))
                .build());
        responses.onCompleted();
    }

    @Override
    public void isContact(IsContactRequest request, StreamObserver<IsContactResponse> responses) {
        if (refused(responses)) {
            return;
        }
        responses.onNext(IsContactResponse.newBuilder()
                .setIsContact(contacts.contains(request.getUserId() + ">" + request.getContactUserId())).build());
        responses.onCompleted();
    }

    @Override
    public void getDevice(GetDeviceRequest request, StreamObserver<GetDeviceResponse> responses) {
        if (refused(responses)) {
            return;
        }
        if (uncheckableDevices.contains(request.getDeviceId())) {
            responses.onError(Status.UNAVAILABLE.withDescription("device store unavailable").asRuntimeException());
            return;
        }
        if (revokedDevices.contains(request.getDeviceId())) {
            responses.onError(Status.NOT_FOUND.withDescription("device not found").asRuntimeException());
            return;
        }
        responses.onNext(GetDeviceResponse.newBuilder().setDevice(Device.newBuilder().setDeviceId(request.getDeviceId())).build());
        responses.onCompleted();
    }

    @Override
    public void redeemConnectTicket(RedeemConnectTicketRequest request, StreamObserver<RedeemConnectTicketResponse> responses) {
        if (refused(responses)) {
            return;
        }
        String[] holder = tickets.remove(request.getTicket());
        RedeemConnectTicketResponse.Builder answer = RedeemConnectTicketResponse.newBuilder();
        if (holder == null) {
            answer.setRejected(ConnectTicketRejected.newBuilder().setReason(ConnectTicketRejected.Reason.REASON_UNKNOWN_TICKET));
        } else {
            answer.setRedeemed(ConnectTicketRedeemed.newBuilder().setUserId(holder[0]).setDeviceId(holder[1]));
        }
        responses.onNext(answer.build());
        responses.onCompleted();
    }

    private boolean refused(StreamObserver<?> responses) {
        if (unavailable) {
            responses.onError(Status.UNAVAILABLE.asRuntimeException());
        }
        return unavailable;
    }

    private static boolean malformed(StreamObserver<?> responses, String... userIds) {
        for (String userId : userIds) {
            try {
                UUID.fromString(userId);
            } catch (IllegalArgumentException e) {
                responses.onError(Status.INVALID_ARGUMENT.withDescription("MALFORMED_ID").asRuntimeException());
                return true;
            }
        }
        return false;
    }
}
