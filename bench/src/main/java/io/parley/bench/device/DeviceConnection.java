package io.parley.bench.device;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.parley.bench.net.Network;
import io.parley.protocol.ClientFrame;
import io.parley.protocol.FrameCodec;
import io.parley.protocol.FrameException;
import io.parley.protocol.Protocol;
import io.parley.protocol.ServerFrame;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * One device's WebSocket, speaking protocol v1 as a well-behaved client does (docs/protocol.md): Bearer token at
 * the handshake, {@code sync} on request, cursor kept from every entry, batched {@code ack} 200 ms after entries
 * arrive, {@code ping} every heartbeat interval. All state is touched on the channel's event loop only.
 */
public final class DeviceConnection {

    private static final FrameCodec CODEC = new FrameCodec();
    private static final int MAX_FRAME_BYTES = 512 * 1024;
    private static final long ACK_DELAY_MILLIS = 200;

    private final DeviceListener listener;
    private final long heartbeatMillis;
    private final CompletableFuture<DeviceConnection> ready = new CompletableFuture<>();
    private Channel channel;
    private ServerFrame.Hello hello;
    private long cursor;
    private long ackedCursor;
    private boolean ackScheduled;
    private long inboxGaps;
    private long inboxRepeats;
    private int refs;
    private volatile int closeCode = -1;

    private DeviceConnection(DeviceListener listener, long heartbeatMillis) {
        this.listener = listener;
        this.heartbeatMillis = heartbeatMillis;
    }

    /** Opens the WebSocket and completes once the server's {@code hello} arrived. */
    public static CompletableFuture<DeviceConnection> connect(Network network, URI ws, String accessToken,
            InetSocketAddress source, DeviceListener listener, long heartbeatMillis) {
        DeviceConnection device = new DeviceConnection(listener, heartbeatMillis);
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(ws)
                .subprotocol(Protocol.SUBPROTOCOL_V1)
                .customHeaders(new DefaultHttpHeaders().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + accessToken))
                .maxFramePayloadLength(MAX_FRAME_BYTES)
                .handshakeTimeoutMillis(30_000)
                .build();
        var bootstrap = network.bootstrap().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(64 * 1024),
                        new WebSocketClientProtocolHandler(config), new WebSocketFrameAggregator(MAX_FRAME_BYTES),
                        device.new Handler());
            }
        });
        int port = ws.getPort() > 0 ? ws.getPort() : ("wss".equals(ws.getScheme()) ? 443 : 80);
        InetSocketAddress remote = new InetSocketAddress(ws.getHost(), port);
        ChannelFuture connect = source == null ? bootstrap.connect(remote) : bootstrap.connect(remote, source);
        connect.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                device.ready.completeExceptionally(f.cause());
            } else {
                device.channel = f.channel();
            }
        });
        return device.ready;
    }

    /**
     * Writes a {@code send} whose {@code ref} is the client_msg_id (so an {@code error} names the message);
     * {@code onWritten} gets the process clock (nanoTime) right before the write.
     */
    public void send(String clientMsgId, String chat, String contentType, byte[] body, LongConsumer onWritten) {
        channel.eventLoop().execute(() -> {
            String frame = CODEC.encode(new ClientFrame.Send(clientMsgId, clientMsgId, chat, contentType, body));
            onWritten.accept(System.nanoTime());
            channel.writeAndFlush(new TextWebSocketFrame(frame));
        });
    }

    /** Asks for every inbox entry after {@code fromCursor}; the listener hears {@code synced}. */
    public void sync(long fromCursor) {
        channel.eventLoop().execute(() -> {
            cursor = Math.max(cursor, fromCursor);
            ackedCursor = Math.max(ackedCursor, fromCursor);
            write(new ClientFrame.Sync(null, fromCursor));
        });
    }

    /** Watches the presence of {@code users} (at most 256); the listener hears every {@code presence} frame. */
    public void subscribePresence(List<String> users) {
        channel.eventLoop().execute(() -> write(new ClientFrame.SubscribePresence(null, users)));
    }

    /** Drops the connection the way a phone losing its network does: no close frame, the TCP connection just ends. */
    public void drop() {
        if (channel != null) {
            channel.close();
        }
    }

    public void close() {
        if (channel != null && channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(1000, "bench done")).addListener(f -> channel.close());
            channel.eventLoop().schedule(() -> channel.close(), 2, TimeUnit.SECONDS);
        }
    }

    public boolean isOpen() {
        return channel != null && channel.isActive() && closeCode < 0;
    }

    public ServerFrame.Hello hello() {
        return hello;
    }

    /** The last inbox_seq received (read from another thread: a snapshot). */
    public long cursor() {
        return cursor;
    }

    /** Entries that skipped past cursor + 1 on this connection (the protocol promises none after sync). */
    public long inboxGaps() {
        return inboxGaps;
    }

    /** Entries at or below the cursor on this connection (the protocol promises none). */
    public long inboxRepeats() {
        return inboxRepeats;
    }

    private void write(ClientFrame frame) {
        channel.writeAndFlush(new TextWebSocketFrame(CODEC.encode(frame)));
    }

    private void entry(long inboxSeq) {
        if (inboxSeq <= cursor) {
            inboxRepeats++;
            return;
        }
        if (inboxSeq > cursor + 1 && cursor > 0) {
            inboxGaps++;
        }
        cursor = inboxSeq;
        if (!ackScheduled) {
            ackScheduled = true;
            channel.eventLoop().schedule(this::flushAck, ACK_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void flushAck() {
        ackScheduled = false;
        if (cursor > ackedCursor && channel.isActive()) {
            ackedCursor = cursor;
            write(new ClientFrame.Ack(null, cursor));
        }
    }

    private void heartbeat() {
        if (channel.isActive()) {
            write(new ClientFrame.Ping("p" + (refs++)));
            channel.eventLoop().schedule(this::heartbeat, heartbeatMillis, TimeUnit.MILLISECONDS);
        }
    }

    private final class Handler extends SimpleChannelInboundHandler<WebSocketFrame> {

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                long firstPing = ThreadLocalRandom.current().nextLong(heartbeatMillis / 2, heartbeatMillis + 1);
                ctx.channel().eventLoop().schedule(DeviceConnection.this::heartbeat, firstPing, TimeUnit.MILLISECONDS);
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof CloseWebSocketFrame close) {
                closeCode = close.statusCode();
                return;
            }
            if (!(frame instanceof TextWebSocketFrame text)) {
                return;
            }
            long now = System.nanoTime();
            ServerFrame decoded;
            try {
                decoded = CODEC.decodeServerFrame(text.text());
            } catch (FrameException e) {
                return; // a frame type this client does not know: ignored, as the protocol asks
            }
            if (decoded instanceof ServerFrame.Message m) {
                listener.onMessage(DeviceConnection.this, m, now);
                entry(m.inboxSeq());
            } else if (decoded instanceof ServerFrame.Sent s) {
                listener.onSent(DeviceConnection.this, s, now);
            } else if (decoded instanceof ServerFrame.Receipt r) {
                entry(r.inboxSeq());
            } else if (decoded instanceof ServerFrame.Synced s) {
                cursor = Math.max(cursor, s.cursor());
                listener.onSynced(DeviceConnection.this, s.cursor(), now);
            } else if (decoded instanceof ServerFrame.Hello h) {
                hello = h;
                ready.complete(DeviceConnection.this);
            } else if (decoded instanceof ServerFrame.Presence p) {
                listener.onPresence(DeviceConnection.this, p, now);
            } else if (decoded instanceof ServerFrame.Error e) {
                listener.onError(DeviceConnection.this, e);
            } else if (decoded instanceof ServerFrame.Reconnect r) {
                listener.onReconnectAsked(DeviceConnection.this, r.reason());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            ready.completeExceptionally(new IllegalStateException("closed before hello (code " + closeCode + ")"));
            listener.onClosed(DeviceConnection.this, closeCode);
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (ready.completeExceptionally(cause)) {
                ctx.close();
            } else {
                // A bug in the bench's own bookkeeping must show, not silently cost the connection.
                System.err.println("device connection: " + cause);
                cause.printStackTrace();
            }
        }
    }
}
