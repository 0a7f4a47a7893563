package io.parley.push.tokens;

import io.parley.error.ProblemDocuments;
import io.parley.error.ReasonTraits;
import io.parley.failures.TransientFailures;
import io.parley.proto.error.v1.ErrorReason;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebInputException;

/**
 * The token API's failures as RFC 9457 problem documents in the shared shape ({@link ProblemDocuments}); a bad
 * field is named in {@code errors} as the client wrote it ({@code keys.p256dh}).
 */
@RestControllerAdvice(basePackageClasses = TokenProblems.class)
class TokenProblems {

    private static final Logger log = LoggerFactory.getLogger(TokenProblems.class);

    @ExceptionHandler(InvalidTokenException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidTokenException e) {
        return invalidField(e.field(), e.getMessage());
    }

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<ProblemDetail> binding(WebExchangeBindException e) {
        FieldError first = e.getFieldErrors().get(0);
        return invalidField(first.getField(), first.getDefaultMessage());
    }

    /** Unreadable JSON, a wrong type or an unknown platform. */
    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        return problem(ErrorReason.INVALID_REQUEST, "The body is not a token registration: " + e.getReason(), HttpHeaders.EMPTY);
    }

    @ExceptionHandler(RevokedDeviceException.class)
    ResponseEntity<ProblemDetail> revoked(RevokedDeviceException e) {
        HttpHeaders challenge = new HttpHeaders();
        challenge.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        return problem(ErrorReason.UNAUTHENTICATED, e.getMessage(), challenge);
    }

    @ExceptionHandler(NoTokenException.class)
    ResponseEntity<ProblemDetail> none(NoTokenException e) {
        return problem(ErrorReason.NOT_FOUND, e.getMessage(), HttpHeaders.EMPTY);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        ProblemDetail refused = ProblemDocuments.ofFrameworkRefusal(e);
        if (refused != null) {
            return ResponseEntity.status(refused.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(refused);
        }
        if (TransientFailures.isTransient(e)) {
            log.warn("Token registry unavailable: {}", e.toString());
            HttpHeaders retry = new HttpHeaders();
            retry.set(HttpHeaders.RETRY_AFTER, "1");
            return problem(ErrorReason.STORAGE_UNAVAILABLE, "The token registry did not answer; retry", retry);
        }
        log.error("Unexpected failure in the token API", e);
        return problem(ErrorReason.INTERNAL, "Unexpected error", HttpHeaders.EMPTY);
    }

    private static ResponseEntity<ProblemDetail> invalidField(String field, String message) {
        ProblemDetail body = ProblemDocuments.of(ErrorReason.INVALID_REQUEST, field + ": " + message);
        body.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static ResponseEntity<ProblemDetail> problem(ErrorReason reason, String detail, HttpHeaders headers) {
        return ResponseEntity.status(ReasonTraits.of(reason).httpStatus()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ProblemDocuments.of(reason, detail));
    }
}
