package io.parley.gateway.auth;

import io.grpc.Status;
import io.parley.grpc.calls.UnaryCalls;
import io.parley.proto.user.v1.CheckBlockedRequest;
import io.parley.proto.user.v1.CheckBlockedResponse;
import io.parley.proto.user.v1.GetDeviceRequest;
import io.parley.proto.user.v1.GetDeviceResponse;
import io.parley.proto.user.v1.RedeemConnectTicketRequest;
import io.parley.proto.user.v1.RedeemConnectTicketResponse;
import io.parley.proto.user.v1.UserDirectoryGrpc;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** user-service's UserDirectory, for the two questions a handshake may ask and the block check of typing. */
public class UserDirectoryClient {

    private static final Logger log = LoggerFactory.getLogger(UserDirectoryClient.class);

    private final UserDirectoryGrpc.UserDirectoryStub stub;
    private final UserServiceSettings settings;

    public UserDirectoryClient(UserDirectoryGrpc.UserDirectoryStub stub, UserServiceSettings settings) {
        this.stub = stub;
        this.settings = settings;
    }

    /** The device a browser's single-use connect ticket was issued to; errors with {@link HandshakeRejected}. */
    public Mono<DeviceIdentity> redeem(String ticket) {
        RedeemConnectTicketRequest request = RedeemConnectTicketRequest.newBuilder().setTicket(ticket).build();
        return UnaryCalls.<RedeemConnectTicketResponse>mono(observer -> withDeadline().redeemConnectTicket(request, observer))
                .onErrorMap(error -> HandshakeRejected.unavailable("cannot redeem connect tickets right now", error))
                .flatMap(response -> response.hasRedeemed()
                        ? Mono.just(new DeviceIdentity(response.getRedeemed().getUserId(), response.getRedeemed().getDeviceId()))
                        : Mono.error(HandshakeRejected.unauthenticated("unknown, used, expired or revoked connect ticket")));
    }

    /**
     * Completes if the device is active; errors with {@link HandshakeRejected}: 401 if the device was revoked, 503
     * if user-service cannot tell right now. Failing closed keeps a revoked device with an unexpired token out
     * while user-service is slow (the bench saw exactly that under load); the client retries with backoff.
     */
    public Mono<Void> checkActive(DeviceIdentity device) {
        if (!settings.checkDeviceOnConnect()) {
            return Mono.empty();
        }
        GetDeviceRequest request = GetDeviceRequest.newBuilder()
                .setUserId(device.userId()).setDeviceId(device.deviceId()).build();
        return UnaryCalls.<GetDeviceResponse>mono(observer -> withDeadline().getDevice(request, observer))
                .then()
                .onErrorMap(error -> {
                    if (Status.fromThrowable(error).getCode() == Status.Code.NOT_FOUND) {
                        return HandshakeRejected.unauthenticated("device revoked");
                    }
                    log.warn("Cannot check device {} of user {}; refusing the handshake with 503: {}", device.deviceId(),
                            device.userId(), error.toString());
                    return HandshakeRejected.unavailable("cannot check the device right now", error);
                });
    }

    /** Whether {@code userId} may reach {@code targetUserId} (blocks in either direction, unknown target). */
    public Mono<CheckBlockedResponse> checkBlocked(String userId, String targetUserId) {
        CheckBlockedRequest request = CheckBlockedRequest.newBuilder().setUserId(userId).setTargetUserId(targetUserId).build();
        return UnaryCalls.mono(observer -> withDeadline().checkBlocked(request, observer));
    }

    private UserDirectoryGrpc.UserDirectoryStub withDeadline() {
        return stub.withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
