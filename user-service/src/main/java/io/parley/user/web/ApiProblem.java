package io.parley.user.web;

import java.time.Duration;
import java.util.List;

/** A failure the API reports as problem+json; thrown by features, rendered by {@link ProblemHandler}. */
public final class ApiProblem extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final Duration retryAfter;

    private ApiProblem(ProblemType type, String detail, List<FieldError> errors, Duration retryAfter) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static ApiProblem of(ProblemType type, String detail) {
        return new ApiProblem(type, detail, List.of(), null);
    }

    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(ProblemType.INVALID_REQUEST, field + ": " + message, List.of(new FieldError(field, message)), null);
    }

    public static ApiProblem withField(ProblemType type, String field, String message) {
        return new ApiProblem(type, field + ": " + message, List.of(new FieldError(field, message)), null);
    }

    public static ApiProblem notFound(String detail) {
        return of(ProblemType.NOT_FOUND, detail);
    }

    public static ApiProblem forbidden(String detail) {
        return of(ProblemType.FORBIDDEN, detail);
    }

    public static ApiProblem tooManyRequests(Duration retryAfter) {
        return new ApiProblem(ProblemType.TOO_MANY_REQUESTS, "Too many attempts; retry after " + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s",
                List.of(), retryAfter);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Null unless the client should wait before retrying. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
