package io.parley.client;

import io.parley.client.internal.ClientEngine;
import io.parley.client.media.MediaTransfers;
import io.parley.protocol.ClientFrame;
import io.parley.protocol.Protocol;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A device's connection to Parley (protocol v1, docs/protocol.md). Thread-safe.
 *
 * <ul>
 *   <li>Connects with an access token from a supplier (asked again before every attempt, so it can refresh),
 *       pings every heartbeat interval and reconnects when the server falls silent or the connection drops, with
 *       exponential backoff and full jitter, rotating through the given gateway endpoints.</li>
 *   <li>Resumes from its cursor with {@code sync} on every connection; shows each message once (by inbox_seq
 *       and message id) and per chat in seq order, reporting gaps; acknowledges what it received, so senders see
 *       {@code delivered}.</li>
 *   <li>{@link #send} retries under the same client_msg_id, across reconnects and retriable errors, until the
 *       server answers {@code sent} (durable) or the send deadline passes.</li>
 * </ul>
 *
 * Listener callbacks run on the client's own event thread, one at a time.
 */
public final class ParleyClient implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ClientEngine engine;
    private final ScheduledExecutorService events;

    private ParleyClient(ClientEngine.Settings settings, ParleyListener listener, Clock clock) {
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread eventThread = new Thread(runnable, "parley-client-" + THREADS.incrementAndGet());
            eventThread.setDaemon(true);
            return eventThread;
        });
        // Timers (send deadlines, backoff) are moot once the client is closed: do not wait for them.
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        thread.setRemoveOnCancelPolicy(true);
        this.events = thread;
        this.engine = new ClientEngine(settings, listener, events, clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts connecting; the result completes once the first backlog is drained ({@code synced}). */
    public CompletableFuture<Void> connect() {
        return engine.start();
    }

    /** Sends a message under a fresh client_msg_id. */
    public CompletableFuture<Sent> send(String chat, String contentType, byte[] body) {
        return send(UUID.randomUUID().toString(), chat, contentType, body);
    }

    /** Sends text ({@code text/plain; charset=utf-8}). */
    public CompletableFuture<Sent> sendText(String chat, String text) {
        return send(chat, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a media message referring to media uploaded with {@link MediaTransfers#upload} (docs/media.md). */
    public CompletableFuture<Sent> sendMedia(String chat, String mediaId) {
        return send(chat, MediaTransfers.MEDIA_MESSAGE_TYPE, MediaTransfers.messageBody(mediaId));
    }

    /**
     * Sends under a client_msg_id of the caller's choosing, e.g. to resend after a restart a message whose
     * earlier send's outcome is unknown: the server answers with the first send's message id.
     */
    public CompletableFuture<Sent> send(String clientMsgId, String chat, String contentType, byte[] body) {
        if (body.length > Protocol.MAX_BODY_BYTES) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "body is " + body.length + " bytes; the limit is " + Protocol.MAX_BODY_BYTES));
        }
        // The client_msg_id doubles as the ref, so an error answer finds its send.
        return engine.send(new ClientFrame.Send(clientMsgId, clientMsgId, chat, contentType, body));
    }

    /** Marks a chat read up to a seq; the other members get a {@code read} receipt (if the user allows it). */
    public void markRead(String chat, long upToSeq) {
        engine.markRead(chat, upToSeq);
    }

    /**
     * Watches the presence of users (at most 256 at a time), typically the other member of each open chat: their
     * state at once and every change, through {@link ParleyListener#onPresence}. Watching a user is also how this
     * device says it has the chat with them open, so it receives their typing. Kept across reconnects.
     */
    public void watchPresence(Collection<String> users) {
        engine.watch(users);
    }

    /** Stops watching users (their chats were closed). */
    public void unwatchPresence(Collection<String> users) {
        engine.unwatch(users);
    }

    /**
     * The user shows {@code chat} (a group or 1:1 chat): this device receives the other members' typing there, through
     * {@link ParleyListener#onTyping}, until {@link #closeChat}. Only a member may open a chat (otherwise
     * {@link ParleyListener#onError} gets {@code not_a_member}); at most 256 at a time; kept across reconnects. For a
     * 1:1 chat, {@link #watchPresence} of the other member does the same.
     */
    public void openChat(String chat) {
        engine.openChat(chat);
    }

    /** The user no longer shows {@code chat}. */
    public void closeChat(String chat) {
        engine.closeChat(chat);
    }

    /**
     * The user is typing in {@code chat} (a group or 1:1 chat): sends {@code composing} now and every 3 s until {@link #stopTyping} or a
     * message sent to the chat.
     */
    public void startTyping(String chat) {
        engine.startTyping(chat);
    }

    /** The user stopped typing without sending: sends {@code paused}. */
    public void stopTyping(String chat) {
        engine.stopTyping(chat, true);
    }

    public ConnectionState state() {
        return engine.state();
    }

    /** The last inbox_seq processed: persist it, and pass it to {@link Builder#cursor} to resume after a restart. */
    public long cursor() {
        return engine.cursor();
    }

    /**
     * Closes the connection; sends still pending fail with a {@link java.util.concurrent.CancellationException}.
     * Closing again does nothing.
     */
    @Override
    public synchronized void close() {
        if (events.isShutdown()) {
            return;
        }
        engine.close();
        events.shutdown();
        try {
            events.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static final class Builder {
        private final List<URI> endpoints = new ArrayList<>();
        private Supplier<CompletionStage<String>> accessTokens;
        private ParleyListener listener = new ParleyListener() { };
        private HttpClient http;
        private Clock clock = Clock.systemUTC();
        private long cursor;
        private Duration heartbeatInterval = Duration.ofSeconds(20);
        private Duration heartbeatTimeout = Duration.ofSeconds(10);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration reconnectInitial = Duration.ofMillis(250);
        private Duration reconnectMax = Duration.ofSeconds(30);
        private Duration sendDeadline = Duration.ofMinutes(2);
        private Duration ackDelay = Duration.ofMillis(200);
        private Duration gapTimeout = Duration.ofSeconds(2);
        private int rememberedMessageIds = 10_000;

        private Builder() {
        }

        /** A gateway's WebSocket URL, e.g. {@code wss://chat.example/v1/ws}; several are tried in turn. */
        public Builder endpoint(URI endpoint) {
            endpoints.add(Objects.requireNonNull(endpoint, "endpoint"));
            return this;
        }

        public Builder endpoints(List<URI> all) {
            all.forEach(this::endpoint);
            return this;
        }

        /** Asked for an access token before every connection attempt (refresh it there when it expires). */
        public Builder accessTokens(Supplier<CompletionStage<String>> supplier) {
            this.accessTokens = Objects.requireNonNull(supplier, "supplier");
            return this;
        }

        public Builder accessToken(String token) {
            Objects.requireNonNull(token, "token");
            return accessTokens(() -> CompletableFuture.completedFuture(token));
        }

        public Builder listener(ParleyListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The last inbox_seq this device processed (0 for a new device). */
        public Builder cursor(long cursor) {
            if (cursor < 0) {
                throw new IllegalArgumentException("cursor must not be negative");
            }
            this.cursor = cursor;
            return this;
        }

        /** To share one HttpClient (and its selector thread) among many clients. */
        public Builder httpClient(HttpClient http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Ping interval, and how much longer the server may stay silent before the connection counts as dead. */
        public Builder heartbeat(Duration interval, Duration timeout) {
            this.heartbeatInterval = positive(interval, "interval");
            this.heartbeatTimeout = positive(timeout, "timeout");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "timeout");
            return this;
        }

        /** Reconnect delays: attempt n waits a random time below min(max, initial * 2^n). */
        public Builder reconnectBackoff(Duration initial, Duration max) {
            this.reconnectInitial = positive(initial, "initial");
            this.reconnectMax = positive(max, "max");
            return this;
        }

        /** How long a send keeps being retried before its future fails. */
        public Builder sendDeadline(Duration deadline) {
            this.sendDeadline = positive(deadline, "deadline");
            return this;
        }

        /** How long received entries are collected before one {@code ack} covers them all. */
        public Builder ackDelay(Duration delay) {
            this.ackDelay = positive(delay, "delay");
            return this;
        }

        /** How long a message waits for a missing earlier seq of its chat before the gap is reported. */
        public Builder gapTimeout(Duration timeout) {
            this.gapTimeout = positive(timeout, "timeout");
            return this;
        }

        public Builder rememberedMessageIds(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("count must be positive");
            }
            this.rememberedMessageIds = count;
            return this;
        }

        public ParleyClient build() {
            if (endpoints.isEmpty()) {
                throw new IllegalStateException("at least one endpoint is needed");
            }
            if (accessTokens == null) {
                throw new IllegalStateException("an access token (or a supplier of them) is needed");
            }
            if (reconnectMax.compareTo(reconnectInitial) < 0) {
                throw new IllegalStateException("reconnect backoff max must not be below its initial delay");
            }
            HttpClient client = http != null ? http : HttpClient.newBuilder().connectTimeout(connectTimeout).build();
            return new ParleyClient(new ClientEngine.Settings(List.copyOf(endpoints), accessTokens, client, cursor,
                    heartbeatInterval, heartbeatTimeout, connectTimeout, reconnectInitial, reconnectMax, sendDeadline,
                    ackDelay, gapTimeout, rememberedMessageIds), listener, clock);
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return duration;
        }
    }
}
