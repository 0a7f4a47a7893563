package io.parley.client;

import io.parley.protocol.ClientFrame;
import io.parley.protocol.FrameCodec;
import io.parley.protocol.FrameException;
import io.parley.protocol.ServerFrame;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * A WebSocket server speaking protocol v1 as the test scripts it: every client frame is recorded, and a handler
 * decides what to answer. Each connection is a {@link Peer} the test can push frames to or close.
 */
final class FakeGateway implements AutoCloseable {

    private static final FrameCodec CODEC = new FrameCodec();

    /** One accepted connection. */
    static final class Peer {
        final String authorization;
        private final Sinks.Many<String> out = Sinks.many().unicast().onBackpressureBuffer();
        private final WebsocketOutbound outbound;

        Peer(String authorization, WebsocketOutbound outbound) {
            this.authorization = authorization;
            this.outbound = outbound;
        }

        synchronized void send(ServerFrame frame) {
            out.tryEmitNext(CODEC.encode(frame));
        }

        void close(int code) {
            outbound.sendClose(code, "test").subscribe();
        }

        /** Drops the TCP connection without a close frame, like a crashed server. */
        void drop() {
            outbound.withConnection(connection -> connection.channel().close());
        }
    }

    /** A received frame and the connection it came on. */
    record Received(Peer peer, ClientFrame frame) {
    }

    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    final List<Peer> peers = new CopyOnWriteArrayList<>();
    private final DisposableServer server;
    private volatile BiConsumer<Peer, ClientFrame> handler = FakeGateway::answerSyncAndPing;

    FakeGateway() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.ws("/v1/ws", this::serve, WebsocketServerSpec.builder().protocols("parley.v1").build()))
                .bindNow();
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + server.port() + "/v1/ws");
    }

    /** Answers sync with synced (no backlog) and ping with pong; everything else only gets recorded. */
    static void answerSyncAndPing(Peer peer, ClientFrame frame) {
        if (frame instanceof ClientFrame.Sync sync) {
            peer.send(new ServerFrame.Synced(sync.cursor()));
        } else if (frame instanceof ClientFrame.Ping ping) {
            peer.send(new ServerFrame.Pong(ping.ref()));
        }
    }

    void handle(BiConsumer<Peer, ClientFrame> next) {
        this.handler = next;
    }

    /** The next frame a client sent of the given type, skipping others (pings, acks...). */
    <T extends ClientFrame> Received next(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Received next = received.poll(100, TimeUnit.MILLISECONDS);
            if (next != null && type.isInstance(next.frame())) {
                return next;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " frame within 10 s");
    }

    private Mono<Void> serve(WebsocketInbound inbound, WebsocketOutbound outbound) {
        Peer peer = new Peer(inbound.headers().get("Authorization"), outbound);
        peers.add(peer);
        inbound.receive().asString().subscribe(text -> {
            try {
                ClientFrame frame = CODEC.decodeClientFrame(text);
                received.add(new Received(peer, frame));
                handler.accept(peer, frame);
            } catch (FrameException e) {
                throw new AssertionError("the client sent an invalid frame: " + text, e);
            }
        });
        return outbound.sendString(peer.out.asFlux()).then();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
