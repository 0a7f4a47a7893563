package io.parley.media.grpc;

import com.datastax.oss.driver.api.core.DriverException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.parley.error.GrpcErrors;
import io.parley.media.error.MediaException;
import io.parley.proto.error.v1.ErrorReason;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place failures become gRPC errors, in the shared error model ({@link GrpcErrors}). */
final class MediaErrors {

    private static final Logger log = LoggerFactory.getLogger(MediaErrors.class);

    private MediaErrors() {
    }

    static StatusRuntimeException toStatus(Throwable failure) {
        // Reactor's fromFuture already unwraps CompletionException.
        Throwable cause = failure;
        if (cause instanceof MediaException media) {
            return GrpcErrors.status(media.reason(), media.getMessage(), media.metadata());
        }
        if (cause instanceof DriverException) {
            log.warn("Media store unavailable: {}", cause.toString());
            return GrpcErrors.status(ErrorReason.STORAGE_UNAVAILABLE, "a store did not answer; retry", Map.of());
        }
        log.error("Unexpected failure in a MediaLibrary call", cause);
        return Status.INTERNAL.withDescription("internal error").asRuntimeException();
    }
}
