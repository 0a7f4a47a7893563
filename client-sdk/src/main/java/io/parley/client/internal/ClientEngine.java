package io.parley.client.internal;

import io.parley.client.ConnectionState;
import io.parley.client.ParleyListener;
import io.parley.client.SendFailedException;
import io.parley.client.Sent;
import io.parley.protocol.ClientFrame;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.FrameCodec;
import io.parley.protocol.FrameException;
import io.parley.protocol.Protocol;
import io.parley.protocol.ServerFrame;
import io.parley.protocol.TypingState;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's state machine. Everything here runs on one event thread ({@link #events}), so no state needs a
 * lock; the public API and the sockets post work to it.
 *
 * <p>On every (re)connection it sends {@code sync} with its cursor (the last inbox_seq it processed), retransmits
 * every send still waiting for {@code sent} under its client_msg_id, and the reads not yet sent. Entries at or
 * below the cursor, and messages already seen, are dropped; messages reach the listener in per-chat seq order.
 */
public final class ClientEngine implements Socket.Events {

    private static final Logger log = LoggerFactory.getLogger(ClientEngine.class);

    private final Settings settings;
    private final ParleyListener listener;
    private final ScheduledExecutorService events;
    private final Clock clock;
    private final FrameCodec codec = new FrameCodec();
    private final Backoff reconnectBackoff;
    private final SeenMessages seen;
    private final ReceiptCountsMemory receiptCounts;
    private final ChatSequencer sequencer;
    private final PendingSends pending = new PendingSends();
    private final Map<String, Long> unsentReads = new HashMap<>();
    /** Users whose presence this client watches; subscribed again on every connection (subscriptions end with it). */
    private final Set<String> watched = new LinkedHashSet<>();
    /** Chats this client shows ({@code open_chat}); opened again on every connection (they end with it). */
    private final Set<String> openChats = new LinkedHashSet<>();
    /** The chats the user is typing in, each with its refresh timer. */
    private final Map<String, ScheduledFuture<?>> typingIn = new HashMap<>();
    private final TypingIndicators indicators = new TypingIndicators();
    private ScheduledFuture<?> typingExpiry;
    private final CompletableFuture<Void> firstSync = new CompletableFuture<>();

    private ConnectionState state = ConnectionState.CONNECTING;
    private volatile ConnectionState visibleState = ConnectionState.CONNECTING;
    private Socket current;
    private int endpoint;
    private long cursor;
    private volatile long visibleCursor;
    private long ackedCursor;
    private long lastFrameAtMillis;
    private long pingCounter;
    private boolean started;
    private ScheduledFuture<?> heartbeat;
    private ScheduledFuture<?> pendingAck;
    private ScheduledFuture<?> pendingGapCheck;
    private ScheduledFuture<?> reconnect;

    /** What the client was built with. */
    public record Settings(List<URI> endpoints, Supplier<CompletionStage<String>> accessTokens, HttpClient http,
            long initialCursor, Duration heartbeatInterval, Duration heartbeatTimeout, Duration connectTimeout,
            Duration reconnectInitial, Duration reconnectMax, Duration sendDeadline, Duration ackDelay,
            Duration gapTimeout, int rememberedMessageIds) {
    }

    public ClientEngine(Settings settings, ParleyListener listener, ScheduledExecutorService events, Clock clock) {
        this.settings = settings;
        this.listener = listener;
        this.events = events;
        this.clock = clock;
        this.reconnectBackoff = new Backoff(settings.reconnectInitial(), settings.reconnectMax(), ThreadLocalRandom.current()::nextDouble);
        this.seen = new SeenMessages(settings.rememberedMessageIds());
        this.receiptCounts = new ReceiptCountsMemory(settings.rememberedMessageIds());
        this.sequencer = new ChatSequencer(settings.gapTimeout().toMillis());
        this.cursor = settings.initialCursor();
        this.visibleCursor = cursor;
        this.ackedCursor = cursor;
    }

    // ---- public API (any thread) ----

    public CompletableFuture<Void> start() {
        events.execute(() -> {
            if (!started && state != ConnectionState.CLOSED) {
                started = true;
                openSocket();
            }
        });
        return firstSync;
    }

    public CompletableFuture<Sent> send(ClientFrame.Send frame) {
        CompletableFuture<Sent> result = new CompletableFuture<>();
        events.execute(() -> {
            stopTypingNow(frame.chat(), false);
            if (state == ConnectionState.CLOSED) {
                result.completeExceptionally(new CancellationException("client closed"));
                return;
            }
            long deadline = clock.millis() + settings.sendDeadline().toMillis();
            Backoff retries = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5), ThreadLocalRandom.current()::nextDouble);
            CompletableFuture<Sent> shared = pending.add(new PendingSends.Pending(frame, result, deadline, retries));
            if (shared != result) {
                shared.whenComplete((sent, error) -> complete(result, sent, error));
                return;
            }
            transmit(frame);
            events.schedule(this::expireSends, settings.sendDeadline().toMillis() + 1, TimeUnit.MILLISECONDS);
        });
        return result;
    }

    public void markRead(String chat, long upToSeq) {
        events.execute(() -> {
            unsentReads.merge(chat, upToSeq, Math::max);
            if (current != null && isConnected()) {
                sendReads();
            }
        });
    }

    public void watch(Collection<String> users) {
        List<String> asked = List.copyOf(users);
        events.execute(() -> {
            List<String> fresh = asked.stream().filter(user -> !watched.contains(user)).distinct().toList();
            if (watched.size() + fresh.size() > Protocol.MAX_PRESENCE_SUBSCRIPTIONS) {
                log.warn("Not watching {} more users: a connection watches at most {}", fresh.size(),
                        Protocol.MAX_PRESENCE_SUBSCRIPTIONS);
                return;
            }
            watched.addAll(fresh);
            if (!fresh.isEmpty() && current != null && isConnected()) {
                current.send(codec.encode(new ClientFrame.SubscribePresence(null, fresh)));
            }
        });
    }

    public void unwatch(Collection<String> users) {
        List<String> asked = List.copyOf(users);
        events.execute(() -> {
            List<String> gone = asked.stream().filter(watched::remove).toList();
            if (!gone.isEmpty() && current != null && isConnected()) {
                current.send(codec.encode(new ClientFrame.UnsubscribePresence(null, gone)));
            }
        });
    }

    public void openChat(String chat) {
        events.execute(() -> {
            if (openChats.contains(chat)) {
                return;
            }
            if (openChats.size() >= Protocol.MAX_OPEN_CHATS) {
                log.warn("Not opening chat {}: a connection has at most {} chats open", chat, Protocol.MAX_OPEN_CHATS);
                return;
            }
            openChats.add(chat);
            if (current != null && isConnected()) {
                current.send(codec.encode(new ClientFrame.OpenChat(null, chat)));
            }
        });
    }

    public void closeChat(String chat) {
        events.execute(() -> {
            if (openChats.remove(chat) && current != null && isConnected()) {
                current.send(codec.encode(new ClientFrame.CloseChat(null, chat)));
            }
        });
    }

    public void startTyping(String chat) {
        events.execute(() -> {
            if (typingIn.containsKey(chat) || state == ConnectionState.CLOSED) {
                return;
            }
            long refresh = Protocol.TYPING_REFRESH_MILLIS;
            typingIn.put(chat, events.scheduleAtFixedRate(() -> sendTyping(chat, TypingState.COMPOSING), 0, refresh,
                    TimeUnit.MILLISECONDS));
        });
    }

    public void stopTyping(String chat, boolean sendPaused) {
        events.execute(() -> stopTypingNow(chat, sendPaused));
    }

    private void stopTypingNow(String chat, boolean sendPaused) {
        ScheduledFuture<?> refreshing = typingIn.remove(chat);
        if (refreshing != null) {
            refreshing.cancel(false);
            if (sendPaused) {
                sendTyping(chat, TypingState.PAUSED);
            }
        }
    }

    private void sendTyping(String chat, TypingState typing) {
        if (current != null && isConnected()) {
            current.send(codec.encode(new ClientFrame.Typing(null, chat, typing)));
        }
    }

    public ConnectionState state() {
        return visibleState;
    }

    public long cursor() {
        return visibleCursor;
    }

    public void close() {
        events.execute(() -> {
            if (state == ConnectionState.CLOSED) {
                return;
            }
            if (current != null) {
                current.close(1000, "client closed");
                current = null;
            }
            cancelTimers();
            typingIn.values().forEach(ClientEngine::cancel);
            typingIn.clear();
            for (PendingSends.Pending send : pending.all()) {
                pending.remove(send.frame.clientMsgId());
                send.result.completeExceptionally(new CancellationException("client closed"));
            }
            firstSync.completeExceptionally(new CancellationException("client closed"));
            setState(ConnectionState.CLOSED);
        });
    }

    // ---- connection lifecycle (event thread) ----

    private void openSocket() {
        setState(ConnectionState.CONNECTING);
        Socket socket = new Socket(this, events);
        current = socket;
        URI uri = settings.endpoints().get(endpoint);
        settings.accessTokens().get().whenComplete((token, error) -> events.execute(() -> {
            if (socket != current) {
                return;
            }
            if (error != null) {
                lost(socket, Socket.NO_CLOSE_CODE, null, error);
            } else {
                socket.open(settings.http(), uri, token, Protocol.SUBPROTOCOL_V1, settings.connectTimeout());
            }
        }));
    }

    @Override
    public void opened(Socket socket) {
        if (socket != current || state == ConnectionState.CLOSED) {
            socket.abort();
            return;
        }
        setState(ConnectionState.SYNCING);
        lastFrameAtMillis = clock.millis();
        socket.send(codec.encode(new ClientFrame.Sync(null, cursor)));
        pending.all().forEach(send -> transmit(send.frame));
        sendReads();
        if (!watched.isEmpty()) {
            socket.send(codec.encode(new ClientFrame.SubscribePresence(null, List.copyOf(watched))));
        }
        openChats.forEach(chat -> socket.send(codec.encode(new ClientFrame.OpenChat(null, chat))));
        // An ack written to the previous socket may have died with it; acks are idempotent, so repeat it.
        ackedCursor = Math.min(ackedCursor, cursor - 1);
        if (pendingAck == null && cursor > 0) {
            pendingAck = events.schedule(this::ack, settings.ackDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
        long interval = settings.heartbeatInterval().toMillis();
        heartbeat = events.scheduleAtFixedRate(this::heartbeat, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void lost(Socket socket, int closeCode, String reason, Throwable error) {
        if (socket != current) {
            return;
        }
        socket.abort();
        current = null;
        cancel(heartbeat);
        if (state == ConnectionState.CLOSED) {
            return;
        }
        if (closeCode == Protocol.CLOSE_REPLACED || closeCode == Protocol.CLOSE_DEVICE_REVOKED
                || closeCode == Protocol.CLOSE_POLICY_VIOLATION) {
            log.info("The server ended this device's connection for good ({} {})", closeCode, reason);
            setState(ConnectionState.STOPPED);
            firstSync.completeExceptionally(new IllegalStateException("connection ended by the server: " + reason));
            return;
        }
        if (error != null) {
            log.debug("Connection to {} lost: {}", settings.endpoints().get(endpoint), error.toString());
            safely(() -> listener.onConnectionFailed(error));
        }
        scheduleReconnect(reconnectBackoff.next());
    }

    private void scheduleReconnect(Duration delay) {
        endpoint = (endpoint + 1) % settings.endpoints().size();
        setState(ConnectionState.WAITING_TO_RECONNECT);
        reconnect = events.schedule(this::openSocket, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void heartbeat() {
        Socket socket = current;
        if (socket == null) {
            return;
        }
        long silentFor = clock.millis() - lastFrameAtMillis;
        if (silentFor > settings.heartbeatInterval().toMillis() + settings.heartbeatTimeout().toMillis()) {
            lost(socket, Socket.NO_CLOSE_CODE, null,
                    new java.util.concurrent.TimeoutException("no frame from the server for " + silentFor + " ms"));
            return;
        }
        socket.send(codec.encode(new ClientFrame.Ping("p" + ++pingCounter)));
    }

    // ---- frames (event thread) ----

    @Override
    public void received(Socket socket, String text) {
        if (socket != current) {
            return;
        }
        lastFrameAtMillis = clock.millis();
        ServerFrame frame;
        try {
            frame = codec.decodeServerFrame(text);
        } catch (FrameException e) {
            if (e.code() != ErrorCode.UNKNOWN_TYPE) {
                log.warn("Ignoring a frame this client cannot read: {}", e.getMessage());
            }
            return;
        }
        safely(() -> listener.onFrame(frame));
        if (frame instanceof ServerFrame.Message message) {
            onMessage(message);
        } else if (frame instanceof ServerFrame.Receipt receipt) {
            if (advanceCursor(receipt.inboxSeq())) {
                safely(() -> listener.onReceipt(receipt));
            }
        } else if (frame instanceof ServerFrame.ReceiptCounts counts) {
            if (advanceCursor(counts.inboxSeq())) {
                ServerFrame.ReceiptCounts merged = receiptCounts.merge(counts);
                safely(() -> listener.onReceiptCounts(merged));
            }
        } else if (frame instanceof ServerFrame.Sent sent) {
            onSent(sent);
        } else if (frame instanceof ServerFrame.Error error) {
            onError(error);
        } else if (frame instanceof ServerFrame.Synced synced) {
            onSynced(synced);
        } else if (frame instanceof ServerFrame.Presence presence) {
            safely(() -> listener.onPresence(presence));
        } else if (frame instanceof ServerFrame.Typing typing) {
            show(indicators.received(typing, clock.millis()));
            scheduleTypingExpiry();
        } else if (frame instanceof ServerFrame.Reconnect) {
            // The gateway is draining: go elsewhere soon, without counting it as a failure.
            socket.close(1000, "reconnecting elsewhere");
            current = null;
            cancel(heartbeat);
            scheduleReconnect(Duration.ofMillis(ThreadLocalRandom.current().nextLong(1, 1000)));
        }
    }

    private void onMessage(ServerFrame.Message message) {
        if (!advanceCursor(message.inboxSeq()) || !seen.firstTime(message.messageId())) {
            return;
        }
        if (message.from() != null) {
            show(indicators.messageFrom(message.chat(), message.from()));
        }
        for (ServerFrame.Message inOrder : sequencer.accept(message, clock.millis())) {
            safely(() -> listener.onMessage(inOrder));
        }
        if (sequencer.hasGaps() && pendingGapCheck == null) {
            pendingGapCheck = events.schedule(this::checkGaps, settings.gapTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void show(TypingIndicators.Change change) {
        if (change != null) {
            safely(() -> listener.onTyping(change.chat(), change.user(), change.typing()));
        }
    }

    private void scheduleTypingExpiry() {
        cancel(typingExpiry);
        indicators.nextExpiry().ifPresent(at -> typingExpiry = events.schedule(() -> {
            indicators.expire(clock.millis()).forEach(this::show);
            scheduleTypingExpiry();
        }, Math.max(0, at - clock.millis()), TimeUnit.MILLISECONDS));
    }

    private void checkGaps() {
        pendingGapCheck = null;
        ChatSequencer.Released released = sequencer.expireGaps(clock.millis());
        for (ChatSequencer.Gap gap : released.gaps()) {
            safely(() -> listener.onGap(gap.chat(), gap.fromSeq(), gap.toSeq()));
        }
        for (ServerFrame.Message message : released.messages()) {
            safely(() -> listener.onMessage(message));
        }
        if (sequencer.hasGaps()) {
            pendingGapCheck = events.schedule(this::checkGaps, settings.gapTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void onSent(ServerFrame.Sent sent) {
        PendingSends.Pending send = pending.remove(sent.clientMsgId());
        if (send != null) {
            Sent durable = new Sent(sent.clientMsgId(), sent.messageId());
            send.result.complete(durable);
            safely(() -> listener.onSent(durable));
        }
    }

    private void onError(ServerFrame.Error error) {
        PendingSends.Pending send = error.ref() != null ? pending.get(error.ref()) : null;
        if (send == null) {
            safely(() -> listener.onError(error));
            return;
        }
        if (error.retriable()) {
            Duration delay = send.retryBackoff.next();
            events.schedule(() -> {
                if (pending.get(send.frame.clientMsgId()) == send) {
                    transmit(send.frame);
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            pending.remove(send.frame.clientMsgId());
            send.result.completeExceptionally(new SendFailedException(send.frame.clientMsgId(), error.code(), error.message()));
        }
    }

    private void onSynced(ServerFrame.Synced synced) {
        if (synced.cursor() < cursor) {
            // Our cursor was ahead of the inbox (restored from other data): the gateway started from its newest
            // entry, and what follows must not be dropped as already seen.
            cursor = synced.cursor();
            visibleCursor = cursor;
            ackedCursor = Math.min(ackedCursor, cursor);
        }
        advanceCursor(synced.cursor());
        reconnectBackoff.reset();
        setState(ConnectionState.LIVE);
        firstSync.complete(null);
        long at = cursor;
        safely(() -> listener.onSynced(at));
    }

    /** Moves the cursor past an entry; false if the entry is at or below it (a repeat). */
    private boolean advanceCursor(long inboxSeq) {
        if (inboxSeq <= cursor) {
            return false;
        }
        cursor = inboxSeq;
        visibleCursor = inboxSeq;
        if (pendingAck == null) {
            pendingAck = events.schedule(this::ack, settings.ackDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
        return true;
    }

    /** Tells the server what this device has received: the senders get {@code delivered}. */
    private void ack() {
        pendingAck = null;
        if (cursor > ackedCursor && current != null && isConnected()) {
            current.send(codec.encode(new ClientFrame.Ack(null, cursor)));
            ackedCursor = cursor;
        }
    }

    private void transmit(ClientFrame.Send frame) {
        if (current != null && isConnected()) {
            current.send(codec.encode(frame));
        }
    }

    private void sendReads() {
        unsentReads.forEach((chat, upToSeq) -> current.send(codec.encode(new ClientFrame.Read(null, chat, upToSeq))));
        unsentReads.clear();
    }

    private void expireSends() {
        for (PendingSends.Pending send : pending.expire(clock.millis())) {
            send.result.completeExceptionally(new SendFailedException(send.frame.clientMsgId(), null,
                    "no sent before the deadline; resending under the same client_msg_id is safe"));
        }
    }

    private boolean isConnected() {
        return state == ConnectionState.SYNCING || state == ConnectionState.LIVE;
    }

    private void setState(ConnectionState next) {
        if (state != next) {
            state = next;
            visibleState = next;
            safely(() -> listener.onStateChanged(next));
        }
    }

    private void cancelTimers() {
        cancel(heartbeat);
        cancel(pendingAck);
        cancel(pendingGapCheck);
        cancel(reconnect);
        cancel(typingExpiry);
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }

    private static void complete(CompletableFuture<Sent> result, Sent sent, Throwable error) {
        if (error != null) {
            result.completeExceptionally(error);
        } else {
            result.complete(sent);
        }
    }

    private static void safely(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.warn("A ParleyListener callback failed", e);
        }
    }
}
