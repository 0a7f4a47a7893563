package io.parley.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.protocol.ClientFrame;
import io.parley.protocol.FrameCodec;
import io.parley.protocol.FrameException;
import io.parley.protocol.Protocol;
import io.parley.protocol.ServerFrame;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw WebSocket client for gateway tests: sends any text, including frames no SDK would send, and hands out
 * what arrives frame by frame. Can stop reading, to play a device that does not keep up.
 */
public final class TestSocket implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final FrameCodec CODEC = new FrameCodec();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean reading = true;
    private WebSocket socket;

    private TestSocket() {
    }

    public static TestSocket connect(URI uri, String accessToken) {
        return open(uri, "Bearer " + accessToken).join();
    }

    /** Connects without an Authorization header (a browser, with {@code ?ticket=} in the URI). */
    public static TestSocket connectAnonymously(URI uri) {
        return open(uri, null).join();
    }

    /**
     * The handshake's HTTP status when the server refuses it; fails if the server accepts it.
     *
     * @param authorization the whole Authorization header, or null for none
     */
    public static int refusedStatus(URI uri, String authorization) {
        try {
            open(uri, authorization).join().close();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("the handshake was accepted");
    }

    private static CompletableFuture<TestSocket> open(URI uri, String authorization) {
        TestSocket listener = new TestSocket();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().subprotocols(Protocol.SUBPROTOCOL_V1)
                .connectTimeout(WAIT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.buildAsync(uri, listener).thenApply(socket -> {
            listener.socket = socket;
            return listener;
        });
    }

    /** Sends bytes in a binary message, which protocol v1 does not use. */
    public void sendBinary(byte[] bytes) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).join();
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void send(ClientFrame frame) {
        send(CODEC.encode(frame));
    }

    /** The next frame, decoded; fails if none arrives in time. */
    public ServerFrame next() {
        try {
            String text = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(text).as("a frame within " + WAIT).isNotNull();
            return CODEC.decodeServerFrame(text);
        } catch (InterruptedException | FrameException e) {
            throw new AssertionError(e);
        }
    }

    public <T extends ServerFrame> T next(Class<T> type) {
        ServerFrame frame = next();
        assertThat(frame).isInstanceOf(type);
        return type.cast(frame);
    }

    /** Skips the hello every connection starts with. */
    public ServerFrame.Hello hello() {
        return next(ServerFrame.Hello.class);
    }

    /** Waits for the hello and for the connection's registration (the gateway reads frames only after it). */
    public TestSocket ready() {
        hello();
        send(new ClientFrame.Ping("ready"));
        ServerFrame pong = next();
        assertThat(pong).isEqualTo(new ServerFrame.Pong("ready"));
        return this;
    }

    /** Whether a frame arrives within {@code wait}. */
    public boolean quietFor(Duration wait) throws InterruptedException {
        String text = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (text != null) {
            throw new AssertionError("unexpected frame: " + text);
        }
        return true;
    }

    /**
     * Stops taking frames off the socket after the one already asked for: the server's writes pile up in TCP
     * buffers, then in its queue.
     */
    public void stopReading() {
        reading = false;
    }

    public int awaitClose() {
        return closeCode.orTimeout(WAIT.toSeconds() * 3, TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        // Ask for the next frame before handing this one over: a test that calls stopReading() after taking it
        // then knows the socket has exactly one frame of demand left, however the two threads interleave.
        if (reading) {
            webSocket.request(1);
        }
        partial.append(data);
        if (last) {
            received.add(partial.toString());
            partial.setLength(0);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        if (socket != null) {
            socket.abort();
        }
    }
}
