package io.parley.media.web;

import com.datastax.oss.driver.api.core.DriverException;
import io.parley.error.ProblemDocuments;
import io.parley.media.error.MediaException;
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
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Every failure of the media API as an RFC 9457 problem in the shared shape ({@link ProblemDocuments}); invalid
 * fields are listed in {@code errors}; RATE_LIMITED (the daily quota) and the retriable ones carry Retry-After.
 */
@RestControllerAdvice
class MediaProblems {

    private static final Logger log = LoggerFactory.getLogger(MediaProblems.class);
    private static final long SECONDS_PER_DAY = 86_400;

    @ExceptionHandler(Throwable.class)
    ResponseEntity<ProblemDetail> handle(Throwable failure, ServerWebExchange exchange) {
        // Reactor's fromFuture already unwraps CompletionException.
        Throwable cause = failure;
        ProblemDetail body = body(cause);
        ProblemDocuments.setInstance(body, exchange.getRequest().getPath().value());
        HttpHeaders headers = new HttpHeaders();
        if (cause instanceof MediaException media && media.reason() == ErrorReason.RATE_LIMITED) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(SECONDS_PER_DAY));
        } else if (body.getStatus() == 503) {
            headers.set(HttpHeaders.RETRY_AFTER, "1");
        }
        return ResponseEntity.status(body.getStatus()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static ProblemDetail body(Throwable cause) {
        ProblemDetail refused = ProblemDocuments.ofFrameworkRefusal(cause);
        if (refused != null && refused.getStatus() == 413) {
            return refused;
        }
        if (cause instanceof MediaException media) {
            ProblemDetail body = ProblemDocuments.of(media.reason(), media.getMessage());
            media.metadata().forEach(body::setProperty);
            return body;
        }
        if (cause instanceof WebExchangeBindException binding) {
            List<Map<String, String>> errors = binding.getFieldErrors().stream()
                    .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                    .toList();
            ProblemDetail body = ProblemDocuments.of(ErrorReason.INVALID_REQUEST, errors.stream()
                    .map(error -> error.get("field") + ": " + error.get("message"))
                    .reduce((a, b) -> a + "; " + b).orElse("the request is invalid"));
            body.setProperty("errors", errors);
            return body;
        }
        if (cause instanceof ServerWebInputException) {
            return ProblemDocuments.of(ErrorReason.INVALID_REQUEST, "the request body is not valid JSON of the expected shape");
        }
        if (refused != null) {
            return refused;
        }
        if (cause instanceof DriverException || cause instanceof SdkException) {
            log.warn("Media store unavailable: {}", cause.toString());
            return ProblemDocuments.of(ErrorReason.STORAGE_UNAVAILABLE, "a store did not answer; retry");
        }
        log.error("Unexpected failure", cause);
        return ProblemDocuments.of(ErrorReason.INTERNAL, "unexpected error");
    }
}
