package io.parley.gateway.websocket;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Spring's Reactor Netty upgrade, creating {@link GatewaySocket}s: a single frame over the limit is
 * refused by Netty's decoder with 1009, a fragmented message over it by the {@link GatewaySocket}, also with 1009.
 */
final class GatewayUpgradeStrategy implements RequestUpgradeStrategy {

    private final int maxMessageBytes;

    GatewayUpgradeStrategy(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public Mono<Void> upgrade(ServerWebExchange exchange, WebSocketHandler handler, @Nullable String subProtocol,
            Supplier<HandshakeInfo> handshakeInfoFactory) {
        ServerHttpResponse response = exchange.getResponse();
        HttpServerResponse reactorResponse = ServerHttpResponseDecorator.getNativeResponse(response);
        HandshakeInfo handshakeInfo = handshakeInfoFactory.get();
        NettyDataBufferFactory bufferFactory = (NettyDataBufferFactory) response.bufferFactory();
        WebsocketServerSpec spec = WebsocketServerSpec.builder()
                .protocols(subProtocol)
                .maxFramePayloadLength(maxMessageBytes)
                .build();
        // setComplete() runs WebFlux's pre-commit actions (headers) before the upgrade.
        return response.setComplete().then(Mono.defer(() -> reactorResponse.sendWebsocket((in, out) ->
                handler.handle(new GatewaySocket(in, out, handshakeInfo, bufferFactory, maxMessageBytes)), spec)));
    }
}
