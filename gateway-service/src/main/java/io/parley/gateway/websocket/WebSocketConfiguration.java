package io.parley.gateway.websocket;

import io.micrometer.observation.ObservationPredicate;
import io.parley.gateway.auth.HandshakeAuthenticator;
import io.parley.gateway.connection.ConnectionSettings;
import io.parley.gateway.drain.Drain;
import io.parley.protocol.Protocol;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
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

    /**
     * No observation spans a device's WebSocket: one would stay open for the connection's whole life (hours),
     * holding the handshake's exchange, trace context and meters per idle connection. The gateway's own meters
     * count connections and frames instead. Spring Security's filter-chain observations are off altogether: here
     * the chain only lets the handshake and the probes through. Static: the observation registry is built before
     * this configuration.
     */
    @Bean
    static ObservationPredicate noObservationOfDeviceSockets() {
        return (name, context) -> !(name.startsWith("spring.security.")
                || context instanceof ServerRequestObservationContext request
                        && Protocol.PATH.equals(request.getCarrier().getPath().value()));
    }

    /** A message over the limit closes the connection with 1009 before it is buffered whole. */
    @Override
    public WebSocketService getWebSocketService() {
        HandshakeWebSocketService handshake =
                new HandshakeWebSocketService(new GatewayUpgradeStrategy(settings.maxFrameBytes()));
        return new AuthenticatingWebSocketService(handshake, authenticator, drain);
    }
}
