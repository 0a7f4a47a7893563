package io.parley.user.web;

import io.parley.proto.error.v1.ErrorReason;
import io.parley.user.error.ApiProblem;
import io.parley.error.ProblemDocuments;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes a problem outside of controllers (security filters, unmatched routes) with the application's own JSON codec. */
@Component
public class ProblemWriter {

    private static final ResolvableType PROBLEM = ResolvableType.forClass(ProblemDetail.class);

    private final HttpMessageWriter<ProblemDetail> writer;

    @SuppressWarnings("unchecked")
    ProblemWriter(ServerCodecConfigurer codecs) {
        this.writer = (HttpMessageWriter<ProblemDetail>) codecs.getWriters().stream()
                .filter(candidate -> candidate.canWrite(PROBLEM, MediaType.APPLICATION_PROBLEM_JSON))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No JSON writer for problem details"));
    }

    public Mono<Void> write(ServerWebExchange exchange, Throwable failure) {
        return write(exchange, Problems.from(failure));
    }

    public Mono<Void> write(ServerWebExchange exchange, ErrorReason reason, String detail) {
        return write(exchange, ApiProblem.of(reason, detail));
    }

    Mono<Void> write(ServerWebExchange exchange, ProblemResponse problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        ProblemDocuments.setInstance(problem.body(), exchange.getRequest().getPath().value());
        response.setStatusCode(HttpStatusCode.valueOf(problem.body().getStatus()));
        response.getHeaders().putAll(problem.headers());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return writer.write(Mono.just(problem.body()), PROBLEM, MediaType.APPLICATION_PROBLEM_JSON, response, Map.of());
    }
}
