package io.parley.gateway.support;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.parley.proto.user.v1.CheckBlockedRequest;
import io.parley.proto.user.v1.CheckBlockedResponse;
import io.parley.proto.user.v1.ConnectTicketRedeemed;
import io.parley.proto.user.v1.ConnectTicketRejected;
import io.parley.proto.user.v1.Device;
import io.parley.proto.user.v1.GetDeviceRequest;
import io.parley.proto.user.v1.GetDeviceResponse;
import io.parley.proto.user.v1.RedeemConnectTicketRequest;
import io.parley.proto.user.v1.RedeemConnectTicketResponse;
import io.parley.proto.user.v1.UserDirectoryGrpc;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** user-service's UserDirectory for handshakes (revoked devices, single-use connect tickets) and blocks. */
public final class FakeUserDirectory extends UserDirectoryGrpc.UserDirectoryImplBase {

    private final Set<String> revokedDevices = ConcurrentHashMap.newKeySet();
    private final Set<String> uncheckableDevices = ConcurrentHashMap.newKeySet();
    private final Map<String, String[]> tickets = new ConcurrentHashMap<>();
    private final Set<String> blocks = ConcurrentHashMap.newKeySet();
    private final Set<String> unknownUsers = ConcurrentHashMap.newKeySet();

    /** {@code blocker} blocks {@code blocked}. */
    public void block(String blocker, String blocked) {
        blocks.add(blocker + ">" + blocked);
    }

    /** {@code userId} has no account (every other user has one). */
    public void forget(String userId) {
        unknownUsers.add(userId);
    }

    @Override
    public void checkBlocked(CheckBlockedRequest request, StreamObserver<CheckBlockedResponse> response) {
        response.onNext(CheckBlockedResponse.newBuilder()
                .setBlockedByTarget(blocks.contains(request.getTargetUserId() + ">" + request.getUserId()))
                .setBlocksTarget(blocks.contains(request.getUserId() + ">" + request.getTargetUserId()))
                .setTargetUnknown(unknownUsers.contains(request.getTargetUserId()))
                .build());
        response.onCompleted();
    }

    public void revoke(String deviceId) {
        revokedDevices.add(deviceId);
    }

    /** user-service answers UNAVAILABLE when asked about this device, as it does while its database is down. */
    public void cannotCheck(String deviceId) {
        uncheckableDevices.add(deviceId);
    }

    public void issueTicket(String ticket, String userId, String deviceId) {
        tickets.put(ticket, new String[] {userId, deviceId});
    }

    @Override
    public void getDevice(GetDeviceRequest request, StreamObserver<GetDeviceResponse> response) {
        if (uncheckableDevices.contains(request.getDeviceId())) {
            response.onError(Status.UNAVAILABLE.withDescription("device store unavailable").asRuntimeException());
            return;
        }
        if (revokedDevices.contains(request.getDeviceId())) {
            response.onError(Status.NOT_FOUND.withDescription("device not found").asRuntimeException());
            return;
        }
        response.onNext(GetDeviceResponse.newBuilder()
                .setDevice(Device.newBuilder().setDeviceId(request.getDeviceId())).build());
        response.onCompleted();
    }

    @Override
    public void redeemConnectTicket(RedeemConnectTicketRequest request, StreamObserver<RedeemConnectTicketResponse> response) {
        String[] holder = tickets.remove(request.getTicket());
        RedeemConnectTicketResponse.Builder answer = RedeemConnectTicketResponse.newBuilder();
        if (holder == null) {
            answer.setRejected(ConnectTicketRejected.newBuilder().setReason(ConnectTicketRejected.Reason.REASON_UNKNOWN_TICKET));
        } else {
            answer.setRedeemed(ConnectTicketRedeemed.newBuilder().setUserId(holder[0]).setDeviceId(holder[1]));
        }
        response.onNext(answer.build());
        response.onCompleted();
    }
}
