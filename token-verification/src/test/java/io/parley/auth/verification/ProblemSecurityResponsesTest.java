package io.parley.auth.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;

class ProblemSecurityResponsesTest {

    private final ProblemSecurityResponses responses = new ProblemSecurityResponses(ServerCodecConfigurer.create());

    @Test
    void anInvalidTokenIsAnUnauthenticatedProblemWithTheBearerChallenge() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/chats"));

        responses.commence(exchange, new InvalidBearerTokenException("expired")).block(Duration.ofSeconds(5));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5)))
                .contains("\"type\":\"urn:parley:problem:unauthenticated\"", "\"code\":\"UNAUTHENTICATED\"",
                        "\"status\":401", "\"instance\":\"/v1/chats\"");
    }

    @Test
    void aMissingTokenGetsThePlainChallenge() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/chats"));

        responses.commence(exchange, new AuthenticationCredentialsNotFoundException("none")).block(Duration.ofSeconds(5));

        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
    }

    @Test
    void aDeniedRequestIsAForbiddenProblem() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/chats"));

        responses.handle(exchange, new AccessDeniedException("no")).block(Duration.ofSeconds(5));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5))).contains("\"code\":\"FORBIDDEN\"");
    }

    @Test
    void aRequestTheFirewallRejectsIsABadRequestProblem() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/chats/%00/messages"));

        responses.handle(exchange, new ServerExchangeRejectedException("encoded NUL")).block(Duration.ofSeconds(5));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5)))
                .contains("\"code\":\"INVALID_REQUEST\"", "\"status\":400").doesNotContain("NUL");
    }
}
