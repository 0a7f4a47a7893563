package io.parley.user.error;

import io.parley.proto.error.v1.ErrorReason;
import java.time.Duration;
import java.util.List;

/**
 * A failure the API reports as problem+json: one reason of the shared error model (error_reason.proto), its
 * detail and the offending fields. Thrown by features, rendered by the web package's problem handler.
 */
public final class ApiProblem extends RuntimeException {

    private final ErrorReason reason;
    private final List<FieldError> errors;
    private final Duration retryAfter;

    private ApiProblem(ErrorReason reason, String detail, List<FieldError> errors, Duration retryAfter) {
        super(detail, null, false, false);
        this.reason = reason;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static ApiProblem of(ErrorReason reason, String detail) {
        return new ApiProblem(reason, detail, List.of(), null);
    }

    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(ErrorReason.INVALID_REQUEST, field + ": " + message, List.of(new FieldError(field, message)), null);
    }

    public static ApiProblem withField(ErrorReason reason, String field, String message) {
        return new ApiProblem(reason, field + ": " + message, List.of(new FieldError(field, message)), null);
    }

    public static ApiProblem notFound(String detail) {
        return of(ErrorReason.NOT_FOUND, detail);
    }

    public static ApiProblem forbidden(String detail) {
        return of(ErrorReason.FORBIDDEN, detail);
    }

    public static ApiProblem tooManyRequests(Duration retryAfter) {
        return new ApiProblem(ErrorReason.RATE_LIMITED, "Too many attempts; retry after " + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s",
                List.of(), retryAfter);
    }

    public ErrorReason reason() {
        return reason;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Null unless the client should wait before retrying. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
