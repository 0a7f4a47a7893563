package io.parley.presence.web;

import io.parley.error.ProblemDocuments;
import io.parley.error.ReasonTraits;
import io.parley.presence.error.PresenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/** RFC 9457 problem documents for the presence API in the shared shape ({@link ProblemDocuments}). */
@RestControllerAdvice(basePackageClasses = PresenceProblems.class)
class PresenceProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PresenceProblems.class);

    @ExceptionHandler(PresenceException.class)
    ResponseEntity<ProblemDetail> presence(PresenceException e) {
        if (e.getCause() != null) {
            log.warn("Presence request failed: {}", e.getCause().toString());
        }
        return ResponseEntity.status(ReasonTraits.of(e.reason()).httpStatus()).body(ProblemDocuments.of(e.reason(), e.getMessage()));
    }
}
