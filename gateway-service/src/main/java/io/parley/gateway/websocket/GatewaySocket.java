package io.parley.gateway.websocket;

import io.netty.buffer.CompositeByteBuf;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.parley.protocol.Protocol;
import java.time.Duration;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.adapter.ReactorNettyWebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import reactor.netty.Connection;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * Spring's Reactor Netty WebSocket (a {@code WebSocketSession}) with two things a gateway needs. It reassembles fragmented messages itself, so a
 * message over the limit closes the connection with 1009 (message too big) whether it came as one frame or as
 * many (Netty's own aggregator fails the inbound instead, and Reactor Netty then closes with an empty close frame,
 * 1005). And it can {@link #terminate} a connection whose device does not read: a close frame cannot complete the
 * closing handshake with a peer that reads nothing, so the TCP connection is dropped right after it.
 */
final class GatewaySocket extends ReactorNettyWebSocketSession {

    /** The device sent a message over the limit; the 1009 close is already on its way. */
    static final class MessageTooBig extends RuntimeException {
        MessageTooBig(int limit) {
            super("message over " + limit + " bytes", null, false, false);
        }
    }

    private static final Duration CLOSE_FRAME_GRACE = Duration.ofMillis(500);

    private final int maxMessageBytes;

    GatewaySocket(WebsocketInbound inbound, WebsocketOutbound outbound, HandshakeInfo info,
            NettyDataBufferFactory bufferFactory, int maxMessageBytes) {
        super(inbound, outbound, info, bufferFactory, maxMessageBytes);
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Sends a close frame if the socket takes it within a moment, then drops the TCP connection. */
    void terminate(CloseStatus status) {
        getDelegate().getOutbound().sendClose(status.getCode(), status.getReason())
                .timeout(CLOSE_FRAME_GRACE, Mono.empty())
                .onErrorResume(error -> Mono.empty())
                .doFinally(signal -> getDelegate().getInbound().withConnection(Connection::dispose))
                .subscribe();
    }

    @Override
    public Flux<WebSocketMessage> receive() {
        return Flux.defer(() -> {
            Assembly assembly = new Assembly();
            return getDelegate().getInbound().receiveFrames()
                    .<WebSocketMessage>handle(assembly::accept)
                    .doFinally(signal -> assembly.release());
        });
    }

    /** The fragments of the message being received. Frames arrive one at a time, on the channel's event loop. */
    private final class Assembly {
        private CompositeByteBuf fragments;
        private boolean text;
        /** The last reassembled message; the handler has read it by the time the next frame arrives. */
        private WebSocketFrame handedOut;

        void accept(WebSocketFrame frame, SynchronousSink<WebSocketMessage> sink) {
            releaseHandedOut();
            if (frame instanceof ContinuationWebSocketFrame && fragments == null) {
                return; // a continuation without a start: Netty's decoder rejects these already
            }
            if (fragments == null && frame.isFinalFragment()) {
                sink.next(toMessage(frame));
                return;
            }
            if (fragments == null) {
                fragments = frame.content().alloc().compositeBuffer(Integer.MAX_VALUE);
                text = frame instanceof TextWebSocketFrame;
            }
            fragments.addComponent(true, frame.content().retain());
            if (fragments.readableBytes() > maxMessageBytes) {
                release();
                getDelegate().getOutbound().sendClose(Protocol.CLOSE_TOO_BIG, "message too big").subscribe();
                sink.error(new MessageTooBig(maxMessageBytes));
                return;
            }
            if (frame.isFinalFragment()) {
                handedOut = text ? new TextWebSocketFrame(fragments) : new BinaryWebSocketFrame(fragments);
                fragments = null;
                // The handler reads the payload within onNext (see DeviceWebSocketHandler), which runs after this
                // method returns: the buffer is released with the next frame, or when the stream ends.
                sink.next(toMessage(handedOut));
            }
        }

        void release() {
            releaseHandedOut();
            if (fragments != null) {
                fragments.release();
                fragments = null;
            }
        }

        private void releaseHandedOut() {
            if (handedOut != null) {
                handedOut.release();
                handedOut = null;
            }
        }
    }
}
