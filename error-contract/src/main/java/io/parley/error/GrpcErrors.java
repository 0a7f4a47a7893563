package io.parley.error;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.parley.proto.error.v1.ErrorReason;
import java.util.Map;
import java.util.Optional;

/**
 * The error model on gRPC (Google's rich error model): a {@code google.rpc.Status} whose code comes from
 * {@link ReasonTraits} and whose one {@code ErrorInfo} detail carries domain {@value #DOMAIN} and the reason's
 * name. Every Parley service writes and reads errors here, so there is one domain and one spelling.
 */
public final class GrpcErrors {

    public static final String DOMAIN = "parley.io";

    private GrpcErrors() {
    }

    /** The status a caller receives for {@code reason}; {@code message} goes to the caller, so no user data in it. */
    public static StatusRuntimeException status(ErrorReason reason, String message, Map<String, String> metadata) {
        ErrorInfo info = ErrorInfo.newBuilder()
                .setDomain(DOMAIN)
                .setReason(reason.name())
                .putAllMetadata(metadata)
                .build();
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(ReasonTraits.of(reason).grpcCode().value())
                .setMessage(message)
                .addDetails(Any.pack(info))
                .build());
    }

    /** The error info of a failed call if a Parley service sent one; empty for plain statuses and other domains. */
    public static Optional<ErrorInfo> infoOf(Throwable failure) {
        com.google.rpc.Status details = StatusProto.fromThrowable(failure);
        if (details == null) {
            return Optional.empty();
        }
        for (Any detail : details.getDetailsList()) {
            if (detail.is(ErrorInfo.class)) {
                try {
                    ErrorInfo info = detail.unpack(ErrorInfo.class);
                    if (DOMAIN.equals(info.getDomain())) {
                        return Optional.of(info);
                    }
                } catch (InvalidProtocolBufferException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The reason of a failed call; {@link ErrorReason#ERROR_REASON_UNSPECIFIED} when the callee sent none or one
     * this build does not know (then only the status code can be relied on).
     */
    public static ErrorReason reasonOf(Throwable failure) {
        return infoOf(failure).map(info -> parse(info.getReason())).orElse(ErrorReason.ERROR_REASON_UNSPECIFIED);
    }

    private static ErrorReason parse(String name) {
        try {
            ErrorReason reason = ErrorReason.valueOf(name);
            return reason == ErrorReason.UNRECOGNIZED ? ErrorReason.ERROR_REASON_UNSPECIFIED : reason;
        } catch (IllegalArgumentException unknown) {
            return ErrorReason.ERROR_REASON_UNSPECIFIED;
        }
    }
}
