package io.parley.chat.history;

import io.parley.chat.chats.BadChatIdException;
import io.parley.chat.error.ChatException;
import io.parley.error.ProblemDocuments;
import io.parley.error.ReasonTraits;
import io.parley.proto.error.v1.ErrorReason;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * RFC 9457 problem documents for the history API and the chat mutes in the shared shape ({@link ProblemDocuments}: {@code type}
 * urn:parley:problem:&lt;reason&gt;, {@code code} the same reason the gRPC API uses). Framework errors (bad
 * parameter types, unsupported methods or media types) keep the base class's status and detail and get the same
 * shape: {@code invalid-request}, or {@code not-found} for a 404.
 */
@RestControllerAdvice(basePackages = {"io.parley.chat.history", "io.parley.chat.muting"}) // the chat list and its mutes
@Order(Ordered.HIGHEST_PRECEDENCE) // before Spring Boot's own problem-details advice, which knows no Parley shape
class HistoryProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(HistoryProblems.class);
    private static final URI ABOUT_BLANK = URI.create("about:blank");

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

    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
            ErrorReason reason = status.value() == 404 ? ErrorReason.NOT_FOUND
                    : status.is5xxServerError() ? ErrorReason.INTERNAL : ErrorReason.INVALID_REQUEST;
            problem.setType(ProblemDocuments.type(reason));
            problem.setProperty(ProblemDocuments.CODE, reason.name());
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    private static ResponseEntity<ProblemDetail> problem(ErrorReason reason, String detail) {
        return ResponseEntity.status(ReasonTraits.of(reason).httpStatus()).body(ProblemDocuments.of(reason, detail));
    }
}
