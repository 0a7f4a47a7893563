package io.parley.gateway.websocket;

import io.parley.gateway.auth.DeviceIdentity;
import io.parley.gateway.auth.HandshakeAuthenticator;
import io.parley.gateway.auth.HandshakeRejected;
import io.parley.gateway.drain.Drain;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Authenticates the handshake before upgrading: a request without valid credentials never becomes a WebSocket.
 * The device's identity reaches the handler with the socket, and nothing a frame says can change it.
 */
final class AuthenticatingWebSocketService implements WebSocketService {

    private static final String RETRY_AFTER_SECONDS = "2";

    private final WebSocketService upgrade;
    private final HandshakeAuthenticator authenticator;
    private final Drain drain;

    AuthenticatingWebSocketService(WebSocketService upgrade, HandshakeAuthenticator authenticator, Drain drain) {
        this.upgrade = upgrade;
        this.authenticator = authenticator;
        this.drain = drain;
    }

    @Override
    public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
        if (drain.isDraining()) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            return reject(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, "gateway draining; connect elsewhere");
        }
        return authenticator.authenticate(exchange.getRequest())
                .flatMap(device -> upgrade.handleRequest(exchange, new ForDevice((DeviceWebSocketHandler) handler, device)))
                .onErrorResume(HandshakeRejected.class, rejected -> rejected(exchange.getResponse(), rejected));
    }

    /** Hands the authenticated device to the handler with the socket (not as an attribute: no map per socket). */
    private record ForDevice(DeviceWebSocketHandler handler, DeviceIdentity device) implements WebSocketHandler {
        @Override
        public List<String> getSubProtocols() {
            return handler.getSubProtocols();
        }

        @Override
        public Mono<Void> handle(WebSocketSession socket) {
            return handler.handle(socket, device);
        }
    }

    private static Mono<Void> rejected(ServerHttpResponse response, HandshakeRejected rejected) {
        if (rejected.status() == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        } else {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return reject(response, rejected.status(), rejected.getMessage());
    }

    private static Mono<Void> reject(ServerHttpResponse response, HttpStatus status, String reason) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
        return response.writeWith(Mono.fromSupplier(
                () -> response.bufferFactory().wrap((reason + "\n").getBytes(StandardCharsets.UTF_8))));
    }
}
