package io.parley.gateway.websocket;

import io.parley.gateway.auth.HandshakeAuthenticator;
import io.parley.gateway.connection.ConnectionSettings;
import io.parley.gateway.drain.Drain;
import io.parley.protocol.Protocol;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;

/** The device WebSocket at {@code /v1/ws}: frame size limit, authenticated handshake, one handler. */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration implements WebFluxConfigurer {

    private final ConnectionSettings settings;
    private final HandshakeAuthenticator authenticator;
    private final Drain drain;

    WebSocketConfiguration(ConnectionSettings settings, HandshakeAuthenticator authenticator, Drain drain) {
        this.settings = settings;
        this.authenticator = authenticator;
        this.drain = drain;
    }

    @Bean
    HandlerMapping deviceWebSocketMapping(DeviceWebSocketHandler handler) {
        return new SimpleUrlHandlerMapping(Map.of(Protocol.PATH, handler), Ordered.HIGHEST_PRECEDENCE);
    }

    /** A message over the limit closes the connection with 1009 before it is buffered whole. */
    @Override
    public WebSocketService getWebSocketService() {
        HandshakeWebSocketService handshake =
                new HandshakeWebSocketService(new GatewayUpgradeStrategy(settings.maxFrameBytes()));
        return new AuthenticatingWebSocketService(handshake, authenticator, drain);
    }
}
