package io.parley.user.web;

import io.parley.error.ProblemDocuments;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** Every failure inside a controller becomes problem+json; see {@link Problems}. */
@RestControllerAdvice
class ProblemHandler {

    @ExceptionHandler(Throwable.class)
    ResponseEntity<ProblemDetail> handle(Throwable failure, ServerWebExchange exchange) {
        ProblemResponse problem = Problems.from(failure);
        ProblemDocuments.setInstance(problem.body(), exchange.getRequest().getPath().value());
        return ResponseEntity.status(problem.body().getStatus())
                .headers(problem.headers())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.body());
    }
}
