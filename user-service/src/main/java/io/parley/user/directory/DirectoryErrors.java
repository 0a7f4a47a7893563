package io.parley.user.directory;

import io.grpc.StatusRuntimeException;
import io.parley.error.GrpcErrors;
import io.parley.proto.error.v1.ErrorReason;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one factory for failures any UserDirectory call can hit, in the shared error model ({@link GrpcErrors}:
 * a status code plus an ErrorInfo of domain {@value GrpcErrors#DOMAIN}). The contract is written in
 * user_directory.proto.
 */
final class DirectoryErrors {

    private static final Logger log = LoggerFactory.getLogger(DirectoryErrors.class);

    private DirectoryErrors() {
    }

    static StatusRuntimeException malformedId(String field) {
        return GrpcErrors.status(ErrorReason.MALFORMED_ID, field + " must be a UUID", Map.of("field", field));
    }

    static StatusRuntimeException userNotFound(String userId) {
        return GrpcErrors.status(ErrorReason.USER_NOT_FOUND, "No user " + userId, Map.of("user_id", userId));
    }

    static StatusRuntimeException deviceNotFound(String deviceId) {
        return GrpcErrors.status(ErrorReason.DEVICE_NOT_FOUND, "No active device " + deviceId, Map.of("device_id", deviceId));
    }

    /** Anything else: storage trouble the caller may retry. The cause is logged here, not sent. */
    static StatusRuntimeException from(Throwable failure) {
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        log.warn("UserDirectory call failed: {}", failure.toString());
        return GrpcErrors.status(ErrorReason.STORAGE_UNAVAILABLE, "Storage did not answer; retry with backoff", Map.of());
    }
}
