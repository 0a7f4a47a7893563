package io.parley.user.web;

import io.parley.error.ProblemDocuments;
import io.parley.failures.TransientFailures;
import io.parley.proto.error.v1.ErrorReason;
import io.parley.user.error.ApiProblem;
import io.parley.user.error.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;

/**
 * Turns any failure into the RFC 9457 problem the client sees, in the shared shape of {@link ProblemDocuments}.
 * One place, so every path answers alike.
 */
final class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    static ProblemResponse from(Throwable failure) {
        if (failure instanceof ApiProblem problem) {
            return of(problem);
        }
        ProblemDetail refused = ProblemDocuments.ofFrameworkRefusal(failure);
        if (refused != null && refused.getStatus() == 413) {
            return new ProblemResponse(refused, new HttpHeaders());
        }
        if (failure instanceof WebExchangeBindException binding) {
            return invalid(binding.getFieldErrors().stream()
                    .map(error -> new FieldError(error.getField(), error.getDefaultMessage())).toList());
        }
        if (failure instanceof HandlerMethodValidationException validation) {
            List<FieldError> errors = new ArrayList<>();
            validation.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                    errors.add(new FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
            return invalid(errors);
        }
        if (failure instanceof ServerWebInputException input) {
            return invalid(List.of(inputError(input)));
        }
        if (refused != null) {
            return new ProblemResponse(refused, ((ErrorResponse) failure).getHeaders());
        }
        if (TransientFailures.isTransient(failure)) {
            log.warn("Dependency unavailable: {}", failure.toString());
            ProblemResponse response = of(ApiProblem.of(ErrorReason.STORAGE_UNAVAILABLE, "A storage dependency did not answer; retry"));
            response.headers().set(HttpHeaders.RETRY_AFTER, "1");
            return response;
        }
        log.error("Unexpected failure", failure);
        return of(ApiProblem.of(ErrorReason.INTERNAL, "Unexpected error"));
    }

    private static FieldError inputError(ServerWebInputException input) {
        if (input instanceof MissingRequestValueException missing) {
            return new FieldError(missing.getName(), "is required");
        }
        if (input.getCause() instanceof TypeMismatchException mismatch && input.getMethodParameter() != null) {
            String name = input.getMethodParameter().getParameterName();
            return new FieldError(name != null ? name : mismatch.getPropertyName(), "has the wrong format");
        }
        if (input.getCause() == null) {
            return new FieldError(JsonFieldPath.WHOLE_BODY, "is required");
        }
        String field = JsonFieldPath.of(input);
        return new FieldError(field, JsonFieldPath.WHOLE_BODY.equals(field)
                ? "is not valid JSON of the expected shape" : "has the wrong type or format");
    }

    private static ProblemResponse invalid(List<FieldError> errors) {
        String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("The request is invalid");
        ProblemDetail body = ProblemDocuments.of(ErrorReason.INVALID_REQUEST, detail);
        body.setProperty("errors", errors);
        return new ProblemResponse(body, new HttpHeaders());
    }

    private static ProblemResponse of(ApiProblem problem) {
        ProblemDetail body = ProblemDocuments.of(problem.reason(), problem.getMessage());
        if (!problem.errors().isEmpty()) {
            body.setProperty("errors", problem.errors());
        }
        HttpHeaders headers = new HttpHeaders();
        if (problem.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (problem.retryAfter().toMillis() + 999) / 1000)));
        }
        return new ProblemResponse(body, headers);
    }
}
