package io.parley.chat.history;

import io.parley.chat.chats.BadChatIdException;
import io.parley.chat.grpc.ChatErrors;
import io.parley.chat.grpc.ChatException;
import io.parley.chat.grpc.ErrorReason;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem documents for the history API. {@code type} is a stable URI per problem, {@code code} the
 * same reason the gRPC API uses; framework errors (bad parameter types, unknown paths) come from the base class
 * in the same format.
 */
@RestControllerAdvice(assignableTypes = ChatHistoryController.class)
class HistoryProblems extends ResponseEntityExceptionHandler {

    static final String TYPE_BASE = "https://parley.dev/problems/";
    private static final Logger log = LoggerFactory.getLogger(HistoryProblems.class);

    @ExceptionHandler(BadChatIdException.class)
    ResponseEntity<ProblemDetail> badChatId(BadChatIdException e) {
        return problem(HttpStatus.BAD_REQUEST, ErrorReason.BAD_CHAT_ID, e.getMessage());
    }

    @ExceptionHandler(InvalidPageException.class)
    ResponseEntity<ProblemDetail> invalidPage(InvalidPageException e) {
        return problem(HttpStatus.BAD_REQUEST, ErrorReason.BAD_CURSOR, e.getMessage());
    }

    @ExceptionHandler(ChatException.class)
    ResponseEntity<ProblemDetail> chat(ChatException e) {
        HttpStatus status = switch (e.reason().code()) {
            case PERMISSION_DENIED -> HttpStatus.FORBIDDEN;
            case INVALID_ARGUMENT -> HttpStatus.BAD_REQUEST;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
        return problem(status, e.reason(), e.getMessage());
    }

    /** Cassandra unreachable or slow: retriable. */
    @ExceptionHandler(com.datastax.oss.driver.api.core.DriverException.class)
    ResponseEntity<ProblemDetail> storage(com.datastax.oss.driver.api.core.DriverException e) {
        log.warn("History read failed: {}", e.toString());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, ErrorReason.STORAGE_UNAVAILABLE, "history is unavailable; retry");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, ErrorReason reason, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + reason.name().toLowerCase().replace('_', '-')));
        problem.setProperty("code", reason.name());
        problem.setProperty("domain", ChatErrors.DOMAIN);
        return ResponseEntity.status(status).body(problem);
    }
}
