package io.parley.push.delivery;

import io.parley.proto.chat.v1.PushRequest;
import io.parley.push.tokens.DeviceToken;
import io.parley.push.tokens.Platform;
import io.parley.push.tokens.PushTokenStore;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Delivers one push request to every device of its user that has a token, except the devices chat-service reached
 * live ({@code reached_device_ids}: they are online and have the message). chat-service asks only when some device
 * of the user was not reached, only for messages from others and only in chats the user has not muted.
 * Per device: skipped if this message was already pushed to it ({@link SentMarkers}); a dead token is removed
 * (only if the device has not registered a new one meanwhile); 429 / 5xx are retried per {@link RetryPolicy}.
 * The Mono fails only when the registry or the markers cannot be reached, so the request is retried, never lost.
 */
public class PushDelivery {

    private static final Logger log = LoggerFactory.getLogger(PushDelivery.class);

    private final PushTokenStore tokens;
    private final SentMarkers markers;
    private final Map<Platform, PushSender> senders = new EnumMap<>(Platform.class);
    private final DeliverySettings settings;
    private final RetryPolicy retries;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    PushDelivery(PushTokenStore tokens, SentMarkers markers, List<PushSender> senders, DeliverySettings settings,
            DeliveryMetrics metrics, Clock clock) {
        this.tokens = tokens;
        this.markers = markers;
        senders.forEach(sender -> this.senders.put(sender.platform(), sender));
        this.settings = settings;
        this.retries = settings.retryPolicy();
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Delivers the requests, up to {@code concurrency} users and chats at a time; completes when each reached its
     * outcome. Requests of one user and chat in the batch become one notification ({@link ChatBurst}).
     */
    public Mono<Void> deliverAll(List<PushRequest> requests) {
        List<ChatBurst> bursts = ChatBurst.of(requests.stream().filter(this::worthPushing).toList());
        return Flux.fromIterable(bursts).flatMap(this::deliver, settings.concurrency()).then();
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

    private Mono<Void> deliver(ChatBurst burst) {
        if (burst.messages() > 1) {
            metrics.collapsed(burst.messages() - 1);
        }
        Notification notification = Notification.of(burst.newest(), burst.messages(), settings.timeToLive());
        if (!clock.instant().isBefore(notification.expiresAt())) {
            metrics.skipped("expired");
            return Mono.empty();
        }
        UUID userId = UUID.fromString(notification.userId());
        // The newest request's devices: one reached for the newest message is online and has the older ones too (or
        // gets them by its sync), so it needs no notification for the burst.
        Set<String> reached = Set.copyOf(burst.newest().getReachedDeviceIdsList());
        return tokens.ofUser(userId)
                .filter(device -> notReached(device, reached))
                .flatMap(device -> deliver(device, notification))
                .then();
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
}
