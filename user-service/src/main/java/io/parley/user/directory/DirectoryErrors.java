package io.parley.user.directory;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one factory for failures any UserDirectory call can hit, in Google's rich error model: a status
 * code plus an ErrorInfo (domain {@value #DOMAIN}, a reason, metadata). The contract is written in
 * user_directory.proto.
 */
final class DirectoryErrors {

    static final String DOMAIN = "user.parley.io";
    private static final Logger log = LoggerFactory.getLogger(DirectoryErrors.class);

    private DirectoryErrors() {
    }

    static StatusRuntimeException malformedId(String field) {
        return error(Code.INVALID_ARGUMENT, "MALFORMED_ID", field + " must be a UUID", Map.of("field", field));
    }

    static StatusRuntimeException userNotFound(String userId) {
        return error(Code.NOT_FOUND, "USER_NOT_FOUND", "No user " + userId, Map.of("user_id", userId));
    }

    static StatusRuntimeException deviceNotFound(String deviceId) {
        return error(Code.NOT_FOUND, "DEVICE_NOT_FOUND", "No active device " + deviceId, Map.of("device_id", deviceId));
    }

    /** Anything else: storage trouble the caller may retry. The cause is logged here, not sent. */
    static StatusRuntimeException from(Throwable failure) {
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        log.warn("UserDirectory call failed: {}", failure.toString());
        return error(Code.UNAVAILABLE, "STORAGE_UNAVAILABLE", "Storage did not answer; retry with backoff", Map.of());
    }

    private static StatusRuntimeException error(Code code, String reason, String message, Map<String, String> metadata) {
        ErrorInfo info = ErrorInfo.newBuilder().setDomain(DOMAIN).setReason(reason).putAllMetadata(metadata).build();
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(message)
                .addDetails(Any.pack(info))
                .build());
    }
}
