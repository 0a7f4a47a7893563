package io.parley.push.delivery;

import io.parley.proto.chat.v1.ChatRead;
import io.parley.proto.chat.v1.PushRequest;
import io.parley.push.delivery.CollapseWindows.Key;
import io.parley.push.delivery.CollapseWindows.Window;
import io.parley.push.tokens.DeviceToken;
import io.parley.push.tokens.Platform;
import io.parley.push.tokens.PushPreferences;
import io.parley.push.tokens.PushTokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Delivers one push request to every device of its user that has a token, except the devices chat-service reached
 * live ({@code reached_device_ids}: they are online and have the message). chat-service asks only when some device
 * of the user was not reached, only for messages from others and only in chats the user has not muted.
 * Per device: skipped if this message was already pushed to it ({@link SentMarkers}); a dead token is removed
 * (only if the device has not registered a new one meanwhile); 429 / 5xx are retried per {@link RetryPolicy}.
 * The Mono fails only when the registry or the markers cannot be reached, so the request is retried, never lost.
 *
 * <p>Collapse window ({@code collapse-window}): the first push of a chat to a user goes out at once and opens a
 * window; requests of the chat inside it are held ({@link CollapseWindows}, in Cassandra: their offsets are committed
 * once held) and at its end ONE push of the newest, counting every message, replaces the first on the device and
 * opens the next window. So each device gets at most one push per chat per window, and a single message is never
 * delayed.
 */
public class PushDelivery {

    private static final Logger log = LoggerFactory.getLogger(PushDelivery.class);

    private final PushTokenStore tokens;
    private final PushPreferences preferences;
    private final SentMarkers markers;
    private final ShownNotifications shown;
    private final Map<Platform, PushSender> senders = new EnumMap<>(Platform.class);
    private final DeliverySettings settings;
    private final RetryPolicy retries;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final CollapseWindows windows;
    private final KeyedSequence<Key> sequence = new KeyedSequence<>();
    private final WindowTimers timers;

    PushDelivery(PushTokenStore tokens, PushPreferences preferences, SentMarkers markers, ShownNotifications shown,
            CollapseWindows windows, List<PushSender> senders,
            DeliverySettings settings, DeliveryMetrics metrics, Clock clock) {
        this.tokens = tokens;
        this.preferences = preferences;
        this.markers = markers;
        this.shown = shown;
        senders.forEach(sender -> this.senders.put(sender.platform(), sender));
        this.settings = settings;
        this.retries = settings.retryPolicy();
        this.metrics = metrics;
        this.clock = clock;
        this.windows = windows;
        this.timers = new WindowTimers(this::close, clock, settings.firstBackOff(), settings.maxBackOff());
    }

    /**
     * Delivers the requests (by the push-requests partition they came from), up to {@code concurrency} users and chats
     * at a time; completes when each was pushed or held for its window's end. Requests of one user and chat in the
     * batch become one notification ({@link ChatBurst}).
     */
    public Mono<Void> deliverAll(Map<Integer, List<PushRequest>> requestsByPartition) {
        Mono<Void> pushes = Flux.fromIterable(requestsByPartition.entrySet())
                .concatMapIterable(partition -> ChatBurst.of(partition.getValue().stream()
                                .filter(request -> !request.hasRead()).filter(this::worthPushing).toList())
                        .stream().map(burst -> Map.entry(partition.getKey(), burst)).toList())
                .flatMap(burst -> deliver(burst.getKey(), burst.getValue()), settings.concurrency())
                .then();
        // Reads after the batch's pushes: a read behind a message in the batch then clears its notification.
        Mono<Void> clears = Flux.fromIterable(requestsByPartition.entrySet())
                .concatMapIterable(partition -> partition.getValue().stream().filter(PushRequest::hasRead)
                        .map(read -> Map.entry(partition.getKey(), read)).toList())
                .flatMap(read -> clear(read.getKey(), read.getValue()), settings.concurrency())
                .then();
        return pushes.then(clears);
    }

    /**
     * The user read the chat on one device: a request the chat's collapse window holds and the read covers is
     * dropped, and the devices pushed a notification of the chat that the read covers get a collapsing "clear"
     * where their platform allows it (not the reading device: the app removes its own).
     */
    private Mono<Void> clear(int partition, PushRequest request) {
        ChatRead read = request.getRead();
        UUID userId;
        try {
            userId = UUID.fromString(request.getUserId());
        } catch (IllegalArgumentException e) {
            metrics.skipped("malformed");
            return Mono.empty();
        }
        ChatClear clear = new ChatClear(read.getChatId(), read.getReadUpToSeq(), CollapseKey.of(read.getChatId()),
                Instant.ofEpochMilli(request.getRequestedAtEpochMillis()).plus(settings.timeToLive()));
        Key key = new Key(partition, userId, read.getChatId());
        Mono<Void> dropHeld = settings.collapseWindow().isZero() ? Mono.empty()
                : sequence.run(key, () -> windows.read(key).flatMap(found -> found.filter(window -> window.held() != null
                                && seq(window.held()) <= read.getReadUpToSeq())
                        .map(window -> windows.open(key, window.openedAt(), window.pushedSeq(), window.counted())
                                .doOnSuccess(done -> metrics.skipped("read")))
                        .orElse(Mono.empty())));
        return dropHeld.thenMany(shown.of(userId, read.getChatId()))
                .filter(device -> device.seq() <= read.getReadUpToSeq())
                .flatMap(device -> clear(userId, device.deviceId(), read, clear)
                        .then(shown.forget(userId, read.getChatId(), device.deviceId())))
                .then();
    }

    private Mono<Void> clear(UUID userId, UUID deviceId, ChatRead read, ChatClear clear) {
        if (deviceId.toString().equals(read.getDeviceId()) || !clock.instant().isBefore(clear.expiresAt())) {
            return Mono.empty();
        }
        return tokens.of(userId, deviceId).flatMap(device -> {
            Platform platform = device.token().platform();
            PushSender sender = senders.get(platform);
            if (sender == null || !sender.clears()) {
                metrics.clear(platform, "unsupported");
                return Mono.empty();
            }
            // Best effort, one attempt: a clear that fails leaves a stale notification, which the next push of the
            // chat replaces and the app removes when opened.
            return sender.clear(device.token(), clear).flatMap(outcome -> {
                if (outcome instanceof SendOutcome.TokenDead) {
                    metrics.clear(platform, "token_removed");
                    return tokens.removeIfStill(userId, deviceId, device.token()).then();
                }
                metrics.clear(platform, outcome instanceof SendOutcome.Delivered ? "sent" : "failed");
                return Mono.<Void>empty();
            });
        });
    }

    /** This instance now reads these partitions: the windows a previous reader left holding a request are closed. */
    public void resume(Collection<Integer> partitions) {
        if (settings.collapseWindow().isZero()) {
            return;
        }
        for (int partition : partitions) {
            windows.heldIn(partition)
                    .doOnNext(held -> timers.closeAt(held.key(), held.window().closesAt(settings.collapseWindow())))
                    .retryWhen(Retry.backoff(Long.MAX_VALUE, settings.firstBackOff()).maxBackoff(settings.maxBackOff())
                            .doBeforeRetry(failure -> log.warn("Reading the held pushes of partition {} failed, retrying: {}",
                                    partition, failure.failure().toString())))
                    .subscribe();
        }
    }

    /** This instance no longer reads these partitions: their window ends are the next reader's. */
    public void suspend(Collection<Integer> partitions) {
        timers.cancel(partitions);
    }

    private boolean worthPushing(PushRequest request) {
        if (!request.getEntry().hasMessage()) {
            metrics.skipped("not_a_message");
            return false;
        }
        if (request.getEntry().getMessage().getSenderUserId().equals(request.getUserId())) {
            metrics.skipped("own_message");
            return false;
        }
        try {
            UUID.fromString(request.getUserId());
            return true;
        } catch (IllegalArgumentException e) {
            metrics.skipped("malformed");
            return false;
        }
    }

    private Mono<Void> deliver(int partition, ChatBurst burst) {
        if (burst.messages() > 1) {
            metrics.collapsed(burst.messages() - 1);
        }
        if (settings.collapseWindow().isZero()) {
            return push(burst.newest(), burst.messages());
        }
        Key key = Key.of(partition, burst.newest());
        return sequence.run(key, () -> windows.read(key).flatMap(window -> admit(key, window, burst)));
    }

    /** Inside an open window the burst is held for its end; otherwise it is pushed now and opens a window. */
    private Mono<Void> admit(Key key, Optional<Window> found, ChatBurst burst) {
        long seq = seq(burst.newest());
        if (found.isPresent() && clock.instant().isBefore(found.get().closesAt(settings.collapseWindow()))) {
            Window open = found.get();
            if (seq <= open.newestSeq()) {
                metrics.collapsed(1); // a replay of a message this window already pushed or holds
                return Mono.empty();
            }
            if (open.held() != null) {
                metrics.collapsed(1); // the held request is covered by the newer one
            }
            Window holding = new Window(open.openedAt(), open.pushedSeq(), open.counted() + burst.messages(), burst.newest());
            return windows.hold(key, holding)
                    .then(Mono.fromRunnable(() -> timers.closeAt(key, open.closesAt(settings.collapseWindow()))));
        }
        if (found.isEmpty()) {
            return pushAndOpen(key, burst.newest(), burst.messages());
        }
        Window closed = found.get();
        if (closed.held() == null) {
            if (seq <= closed.pushedSeq()) {
                metrics.collapsed(1); // a replay of a message already pushed
                return Mono.empty();
            }
            return pushAndOpen(key, burst.newest(), burst.messages());
        }
        // A window that ended while no instance watched it (a crash): its held request joins this push.
        metrics.collapsed(1);
        return seq > closed.newestSeq()
                ? pushAndOpen(key, burst.newest(), closed.counted() + burst.messages())
                : pushAndOpen(key, closed.held(), closed.counted());
    }

    /** The window's end: the request it holds, if any, is pushed counting every message, and the next window opens. */
    private Mono<Void> close(Key key) {
        return sequence.run(key, () -> windows.read(key).flatMap(found -> {
            if (found.isEmpty() || found.get().held() == null) {
                return Mono.empty();
            }
            Window window = found.get();
            Instant closesAt = window.closesAt(settings.collapseWindow());
            if (clock.instant().isBefore(closesAt)) {
                timers.closeAt(key, closesAt);
                return Mono.empty();
            }
            return pushAndOpen(key, window.held(), window.counted());
        }));
    }

    private Mono<Void> pushAndOpen(Key key, PushRequest request, int counted) {
        return push(request, counted).then(Mono.defer(() -> windows.open(key, clock.instant(), seq(request), counted)));
    }

    private static long seq(PushRequest request) {
        return request.getEntry().getMessage().getSeq();
    }

    /** One notification for the request, counting {@code messages}, to every device of the user not reached live. */
    private Mono<Void> push(PushRequest request, int messages) {
        UUID userId = UUID.fromString(request.getUserId());
        // A preview travels only for plain text; it is shown only if the user allowed it (one read, only then).
        Mono<String> preview = request.getPreview().isEmpty() ? Mono.just("")
                : preferences.previewAllowed(userId).map(allowed -> allowed ? request.getPreview() : "");
        return preview.flatMap(text -> {
            Notification notification = Notification.of(request, messages, settings.timeToLive(), text);
            if (!clock.instant().isBefore(notification.expiresAt())) {
                metrics.skipped("expired");
                return Mono.empty();
            }
            // The newest request's devices: one reached for the newest message is online and has the older ones too
            // (or gets them by its sync), so it needs no notification for the burst.
            Set<String> reached = Set.copyOf(request.getReachedDeviceIdsList());
            return tokens.ofUser(userId)
                    .filter(device -> notReached(device, reached))
                    .flatMap(device -> deliver(device, notification))
                    .then();
        });
    }

    private boolean notReached(DeviceToken device, Set<String> reached) {
        if (reached.contains(device.deviceId().toString())) {
            metrics.outcome(device.token().platform(), "reached_live");
            return false;
        }
        return true;
    }

    private Mono<Void> deliver(DeviceToken device, Notification notification) {
        Platform platform = device.token().platform();
        PushSender sender = senders.get(platform);
        if (sender == null) {
            metrics.outcome(platform, "disabled");
            return Mono.empty();
        }
        return markers.alreadySent(device.deviceId(), notification.messageId()).flatMap(sent -> {
            if (sent) {
                metrics.outcome(platform, "already_sent");
                return Mono.empty();
            }
            return attempt(sender, device, notification, 1);
        });
    }

    private Mono<Void> attempt(PushSender sender, DeviceToken device, Notification notification, int attempt) {
        return sender.send(device.token(), notification)
                .flatMap(outcome -> settle(outcome, sender, device, notification, attempt));
    }

    private Mono<Void> settle(SendOutcome outcome, PushSender sender, DeviceToken device, Notification notification,
            int attempt) {
        Platform platform = sender.platform();
        if (outcome instanceof SendOutcome.Delivered) {
            return markers.markSent(device.deviceId(), notification.messageId())
                    .then(shown.pushed(device.userId(), notification.chatId(), device.deviceId(), notification.seq()))
                    .doOnSuccess(done -> metrics.outcome(platform, "delivered"));
        }
        if (outcome instanceof SendOutcome.TokenDead dead) {
            return tokens.removeIfStill(device.userId(), device.deviceId(), device.token())
                    .doOnNext(removed -> {
                        log.info("{} token of a device removed: {}{}", platform.code(), dead.reason(),
                                removed ? "" : " (already replaced)");
                        metrics.outcome(platform, "token_removed");
                    })
                    .then();
        }
        if (outcome instanceof SendOutcome.RetryLater later) {
            return retries.nextDelay(attempt, later.retryAfter(), clock.instant(), notification.expiresAt())
                    .map(delay -> {
                        metrics.retry(platform);
                        log.debug("{} asked to retry ({}), attempt {} in {}", platform.code(), later.reason(), attempt + 1, delay);
                        return Mono.delay(delay).then(attempt(sender, device, notification, attempt + 1));
                    })
                    .orElseGet(() -> giveUp(platform, later, attempt));
        }
        log.warn("{} rejected a push: {}", platform.code(), ((SendOutcome.Rejected) outcome).reason());
        metrics.outcome(platform, "rejected");
        return Mono.empty();
    }

    private Mono<Void> giveUp(Platform platform, SendOutcome.RetryLater later, int attempts) {
        log.warn("{} push given up after {} attempts: {}{}", platform.code(), attempts, later.reason(),
                later.retryAfter().isZero() ? "" : " (Retry-After " + later.retryAfter() + ")");
        metrics.outcome(platform, "gave_up");
        return Mono.empty();
    }

    Duration batchDeadline() {
        return settings.batchDeadline();
    }

    /** Window ends this instance is waiting for. */
    int windowsHeld() {
        return timers.planned();
    }
}
