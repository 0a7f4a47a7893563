package io.parley.chat.history;

import io.parley.chat.chats.BadChatIdException;
import io.parley.chat.error.ChatException;
import io.parley.error.ProblemDocuments;
import io.parley.error.ReasonTraits;
import io.parley.proto.error.v1.ErrorReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem documents for the history API in the shared shape ({@link ProblemDocuments}: {@code type}
 * urn:parley:problem:&lt;reason&gt;, {@code code} the same reason the gRPC API uses); framework errors (bad
 * parameter types, unknown paths) come from the base class as plain RFC 9457 documents.
 */
@RestControllerAdvice(basePackageClasses = HistoryProblems.class)
class HistoryProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(HistoryProblems.class);

    @ExceptionHandler(BadChatIdException.class)
    ResponseEntity<ProblemDetail> badChatId(BadChatIdException e) {
        return problem(ErrorReason.BAD_CHAT_ID, e.getMessage());
    }

    @ExceptionHandler(InvalidPageException.class)
    ResponseEntity<ProblemDetail> invalidPage(InvalidPageException e) {
        return problem(ErrorReason.BAD_CURSOR, e.getMessage());
    }

    @ExceptionHandler(ChatException.class)
    ResponseEntity<ProblemDetail> chat(ChatException e) {
        return problem(e.reason(), e.getMessage());
    }

    /** Cassandra unreachable or slow: retriable. */
    @ExceptionHandler(com.datastax.oss.driver.api.core.DriverException.class)
    ResponseEntity<ProblemDetail> storage(com.datastax.oss.driver.api.core.DriverException e) {
        log.warn("History read failed: {}", e.toString());
        return problem(ErrorReason.STORAGE_UNAVAILABLE, "history is unavailable; retry");
    }

    private static ResponseEntity<ProblemDetail> problem(ErrorReason reason, String detail) {
        return ResponseEntity.status(ReasonTraits.of(reason).httpStatus()).body(ProblemDocuments.of(reason, detail));
    }
}
