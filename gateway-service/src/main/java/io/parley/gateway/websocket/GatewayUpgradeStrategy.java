package io.parley.gateway.websocket;

import io.parley.protocol.Protocol;
import java.net.URI;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.util.context.Context;

/**
 * Spring's Reactor Netty upgrade, creating {@link GatewaySocket}s: a single frame over the limit is
 * refused by Netty's decoder with 1009, a fragmented message over it by the {@link GatewaySocket}, also with 1009.
 */
final class GatewayUpgradeStrategy implements RequestUpgradeStrategy {

    private static final URI HANDSHAKE_URI = URI.create(Protocol.PATH);
    private static final HttpHeaders EMPTY_HEADERS = HttpHeaders.readOnlyHttpHeaders(new HttpHeaders());

    private final int maxMessageBytes;

    GatewayUpgradeStrategy(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public Mono<Void> upgrade(ServerWebExchange exchange, WebSocketHandler handler, @Nullable String subProtocol,
            Supplier<HandshakeInfo> handshakeInfoFactory) {
        ServerHttpResponse response = exchange.getResponse();
        HttpServerResponse reactorResponse = ServerHttpResponseDecorator.getNativeResponse(response);
        HandshakeInfo handshakeInfo = slim(handshakeInfoFactory.get());
        NettyDataBufferFactory bufferFactory = (NettyDataBufferFactory) response.bufferFactory();
        WebsocketServerSpec spec = WebsocketServerSpec.builder()
                .protocols(subProtocol)
                .maxFramePayloadLength(maxMessageBytes)
                .build();
        // setComplete() runs WebFlux's pre-commit actions (headers) before the upgrade.
        return response.setComplete().then(Mono.defer(() -> reactorResponse.sendWebsocket((in, out) -> {
            forgetHandshakeHeaders(in, reactorResponse);
            return handler.handle(new GatewaySocket(in, out, handshakeInfo, bufferFactory, maxMessageBytes));
        }, spec)).contextWrite(context -> Context.empty()));
    }

    /*
     * An idle connection should cost a few KB (docs/performance.md, "Idle connections"). Without the three cuts
     * below, every open WebSocket keeps its whole handshake alive: the Reactor context of the WebFlux exchange (the
     * exchange, its security and observation state) is handed to Reactor Netty's subscriber of the handler, and the
     * request and response headers (a bearer token among them) stay referenced by the channel's operations.
     * The handler reads none of it: the device's identity is handed to it with the socket.
     */

    private static HandshakeInfo slim(HandshakeInfo info) {
        return new HandshakeInfo(HANDSHAKE_URI, EMPTY_HEADERS, Mono.empty(), info.getSubProtocol());
    }

    private static void forgetHandshakeHeaders(WebsocketInbound in, HttpServerResponse response) {
        in.headers().clear();
        response.responseHeaders().clear();
    }
}
