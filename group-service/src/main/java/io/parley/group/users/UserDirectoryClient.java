package io.parley.group.users;

import io.grpc.Status;
import io.parley.group.error.GroupException;
import io.parley.grpc.calls.UnaryCalls;
import io.parley.proto.error.v1.ErrorReason;
import io.parley.proto.user.v1.CheckBlockedRequest;
import io.parley.proto.user.v1.CheckBlockedResponse;
import io.parley.proto.user.v1.UserDirectoryGrpc;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/**
 * Whether one user may add another to a group, asked of user-service every time (adds are rare and a block must
 * take effect at once): the other must exist, and neither may block the other. Fails closed when user-service
 * cannot say.
 */
public class UserDirectoryClient {

    private final UserDirectoryGrpc.UserDirectoryStub stub;
    private final UserDirectorySettings settings;

    public UserDirectoryClient(UserDirectoryGrpc.UserDirectoryStub stub, UserDirectorySettings settings) {
        this.stub = stub;
        this.settings = settings;
    }

    /** Completes if {@code adder} may add {@code target}; USER_NOT_FOUND, BLOCKED or USER_DIRECTORY_UNAVAILABLE. */
    public Mono<Void> requireAddable(UUID adder, UUID target) {
        CheckBlockedRequest request = CheckBlockedRequest.newBuilder()
                .setUserId(adder.toString()).setTargetUserId(target.toString()).build();
        return UnaryCalls.<CheckBlockedResponse>mono(observer -> stub
                        .withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .checkBlocked(request, observer))
                .onErrorMap(UserDirectoryClient::unavailable)
                .flatMap(answer -> {
                    Map<String, String> who = Map.of("user_id", target.toString());
                    if (answer.getTargetUnknown()) {
                        return Mono.error(new GroupException(ErrorReason.USER_NOT_FOUND, "no such user", who));
                    }
                    if (answer.getBlockedByTarget() || answer.getBlocksTarget()) {
                        return Mono.error(new GroupException(ErrorReason.BLOCKED, "this user cannot be added by you", who));
                    }
                    return Mono.<Void>empty();
                });
    }

    private static GroupException unavailable(Throwable failure) {
        Status status = Status.fromThrowable(failure);
        return new GroupException(ErrorReason.USER_DIRECTORY_UNAVAILABLE,
                "the user directory cannot be reached (" + status.getCode() + "); retry");
    }
}
