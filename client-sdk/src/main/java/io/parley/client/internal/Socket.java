package io.parley.client.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * One WebSocket attempt. Reassembles fragmented text messages, writes one message at a time (the JDK WebSocket
 * refuses a send while one is in flight) and hands every event to the client's event thread, tagged with this
 * socket so events of an abandoned socket can be told apart.
 */
final class Socket implements WebSocket.Listener {

    /** What a socket reports, always on the event thread. */
    interface Events {
        void opened(Socket socket);

        void received(Socket socket, String text);

        void lost(Socket socket, int closeCode, String reason, Throwable error);
    }

    static final int NO_CLOSE_CODE = -1;

    private final Events events;
    private final Executor eventThread;
    private final StringBuilder partial = new StringBuilder();
    private final ArrayDeque<String> outgoing = new ArrayDeque<>();
    private WebSocket webSocket;
    private boolean writing;
    private boolean ended;

    Socket(Events events, Executor eventThread) {
        this.events = events;
        this.eventThread = eventThread;
    }

    /** Opens the WebSocket; every outcome arrives through {@link Events}. */
    void open(HttpClient http, URI uri, String accessToken, String subprotocol, Duration connectTimeout) {
        http.newWebSocketBuilder()
                .connectTimeout(connectTimeout)
                .header("Authorization", "Bearer " + accessToken)
                .subprotocols(subprotocol)
                .buildAsync(uri, this)
                .whenComplete((socket, error) -> {
                    if (error != null) {
                        eventThread.execute(() -> events.lost(this, NO_CLOSE_CODE, null, unwrap(error)));
                    }
                });
    }

    /** Queues a text frame; written after the ones before it. Event thread only. */
    void send(String text) {
        if (ended || webSocket == null) {
            return;
        }
        outgoing.add(text);
        writeNext();
    }

    /** Starts a clean close; the socket is abandoned either way. Event thread only. */
    void close(int code, String reason) {
        if (!ended && webSocket != null) {
            ended = true;
            webSocket.sendClose(code, reason).whenComplete((socket, error) -> webSocket.abort());
        }
        ended = true;
    }

    /** Drops the connection at once. Event thread only. */
    void abort() {
        ended = true;
        if (webSocket != null) {
            webSocket.abort();
        }
    }

    private void writeNext() {
        if (writing || outgoing.isEmpty() || ended) {
            return;
        }
        writing = true;
        webSocket.sendText(outgoing.poll(), true).whenComplete((socket, error) -> eventThread.execute(() -> {
            writing = false;
            if (error != null) {
                events.lost(this, NO_CLOSE_CODE, null, error);
            } else {
                writeNext();
            }
        }));
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        eventThread.execute(() -> {
            this.webSocket = webSocket;
            events.opened(this);
        });
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            eventThread.execute(() -> events.received(this, text));
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        eventThread.execute(() -> events.lost(this, statusCode, reason, null));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        eventThread.execute(() -> events.lost(this, NO_CLOSE_CODE, null, error));
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
