package io.parley.group.web;

import io.parley.error.ProblemDocuments;
import io.parley.failures.TransientFailures;
import io.parley.group.error.GroupException;
import io.parley.proto.error.v1.ErrorReason;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Every failure of the group API as an RFC 9457 problem in the shared shape ({@link ProblemDocuments}): a
 * {@link GroupException}'s metadata become members, invalid fields are listed in {@code errors}, RATE_LIMITED and
 * the retriable failures carry Retry-After.
 */
@RestControllerAdvice(basePackageClasses = GroupProblems.class)
class GroupProblems {

    private static final Logger log = LoggerFactory.getLogger(GroupProblems.class);

    @ExceptionHandler(Throwable.class)
    ResponseEntity<ProblemDetail> handle(Throwable failure, ServerWebExchange exchange) {
        ProblemDetail body = body(failure);
        ProblemDocuments.setInstance(body, exchange.getRequest().getPath().value());
        HttpHeaders headers = new HttpHeaders();
        if (failure instanceof GroupException group && group.metadata().containsKey("retry_after_seconds")) {
            headers.set(HttpHeaders.RETRY_AFTER, group.metadata().get("retry_after_seconds"));
        } else if (body.getStatus() == 503) {
            headers.set(HttpHeaders.RETRY_AFTER, "1");
        }
        return ResponseEntity.status(body.getStatus()).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static ProblemDetail body(Throwable failure) {
        if (failure instanceof GroupException group) {
            ProblemDetail body = ProblemDocuments.of(group.reason(), group.getMessage());
            group.metadata().forEach(body::setProperty);
            return body;
        }
        if (failure instanceof WebExchangeBindException binding) {
            List<Map<String, String>> errors = binding.getFieldErrors().stream()
                    .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                    .toList();
            ProblemDetail body = ProblemDocuments.of(ErrorReason.INVALID_REQUEST, String.join("; ",
                    errors.stream().map(error -> error.get("field") + ": " + error.get("message")).toList()));
            body.setProperty("errors", errors);
            return body;
        }
        ProblemDetail refused = ProblemDocuments.ofFrameworkRefusal(failure);
        if (refused != null && refused.getStatus() == 413) {
            return refused;
        }
        if (failure instanceof ServerWebInputException) {
            return ProblemDocuments.of(ErrorReason.INVALID_REQUEST, "the request body is not valid JSON of the expected shape");
        }
        if (refused != null) {
            return refused;
        }
        if (TransientFailures.isTransient(failure)) {
            log.warn("Group store unavailable: {}", failure.toString());
            return ProblemDocuments.of(ErrorReason.STORAGE_UNAVAILABLE, "a store did not answer; retry");
        }
        log.error("Unexpected failure in the group API", failure);
        return ProblemDocuments.of(ErrorReason.INTERNAL, "unexpected error");
    }
}
