package io.parley.chat.fanout;

import io.parley.connections.DeviceLocation;
import io.parley.grpc.calls.GrpcMessageLimits;
import io.parley.proto.chat.v1.InboxEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers stored inbox entries live: every online device of the user gets them through the gateway holding
 * its connection; if some device of the user did not take them (offline, or its delivery failed), a push request
 * naming the devices that did. Off the consumer thread, one
 * job per user at a time (a device never gets a later batch before an earlier one).
 *
 * <p>An online device must not silently miss entries until some later message reveals the gap: when the
 * connection registry cannot be asked, or a gateway call fails (not "not connected", not "overloaded", which
 * closes the connection so the device syncs), the delivery is retried after each of {@code retryDelays};
 * the gateway drops entries its connection already has. Only when every retry failed does the user fall
 * back to push and the device to its next sync. At most {@code maxInFlight} users have jobs outstanding;
 * beyond that the consumer waits, so a slow gateway slows consumption instead of filling the heap.
 */
public final class DeliveryFanout {

    private static final Logger log = LoggerFactory.getLogger(DeliveryFanout.class);

    private final OnlineDevices devices;
    private final KnownDevices known;
    private final DeviceDelivery delivery;
    private final PushFallback push;
    private final FanoutMetrics metrics;
    private final List<Duration> retryDelays;
    private final Semaphore inFlight;
    private final Duration admissionWait;
    private final Duration jobDeadline;
    private final UserQueues queues = new UserQueues();

    DeliveryFanout(OnlineDevices devices, KnownDevices known, DeviceDelivery delivery, PushFallback push, FanoutMetrics metrics,
            int maxInFlight, Duration admissionWait, List<Duration> retryDelays) {
        this.devices = devices;
        this.known = known;
        this.delivery = delivery;
        this.push = push;
        this.metrics = metrics;
        this.retryDelays = List.copyOf(retryDelays);
        this.inFlight = new Semaphore(maxInFlight);
        this.admissionWait = admissionWait;
        // Every retry of a registry lookup and of a gateway call, with their timeouts, fits well inside it; a job
        // still running then is stuck and must not hold its slot (and its user's queue) forever.
        this.jobDeadline = admissionWait.multipliedBy(4);
    }

    /**
     * Starts delivering the entries (in inbox_seq order per user); returns once every user's job is queued. When
     * saturated it waits at most {@code admissionWait} for the whole batch, never that long per user.
     */
    public void dispatch(List<InboxEntry> stored) {
        Map<String, List<InboxEntry>> byUser = new LinkedHashMap<>();
        stored.forEach(entry -> byUser.computeIfAbsent(entry.getUserId(), user -> new ArrayList<>()).add(entry));
        long admitUntil = System.nanoTime() + admissionWait.toNanos();
        byUser.forEach((userId, entries) -> {
            if (!admit(admitUntil)) {
                metrics.count(FanoutOutcome.FAILED);
                log.warn("Fan-out saturated; {} entries left to sync user_inbox_seq={}", entries.size(),
                        entries.get(entries.size() - 1).getInboxSeq());
                return;
            }
            queues.submit(userId, () -> deliver(userId, entries).orTimeout(jobDeadline.toMillis(), TimeUnit.MILLISECONDS)
                            .exceptionally(failure -> {
                                log.error("Fan-out job abandoned after {}; entries left to sync user_inbox_seq={}: {}",
                                        jobDeadline, entries.get(entries.size() - 1).getInboxSeq(), failure.toString());
                                return null;
                            }))
                    .whenComplete((done, failure) -> inFlight.release());
        });
    }

    private boolean admit(long untilNanos) {
        try {
            return inFlight.tryAcquire(Math.max(0, untilNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private CompletableFuture<Void> deliver(String userId, List<InboxEntry> entries) {
        return onlineDevices(userId, 0).thenCompose(online -> {
            List<List<InboxEntry>> chunks = online.isEmpty() ? List.of()
                    : DeliveryChunks.of(entries, GrpcMessageLimits.MAX_DELIVER_BYTES);
            List<CompletableFuture<FanoutOutcome>> deliveries = online.stream()
                    .map(device -> deliverInOrder(device, chunks, 0))
                    .toList();
            return CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new)).thenCompose(all -> {
                Set<String> reached = new HashSet<>();
                for (int i = 0; i < online.size(); i++) {
                    if (deliveries.get(i).join() == FanoutOutcome.QUEUED) {
                        reached.add(online.get(i).deviceId());
                    }
                }
                if (!push.worthPushing(userId, entries)) {
                    return CompletableFuture.completedFuture(null);
                }
                return someDeviceNotReached(userId, online, reached).thenCompose(push(userId, entries, reached));
            });
        });
    }

    private Function<Boolean, CompletableFuture<Void>> push(String userId, List<InboxEntry> entries, Set<String> reached) {
        return needed -> needed
                ? push.request(userId, entries, Set.copyOf(reached)).thenRun(() -> metrics.count(FanoutOutcome.PUSH))
                : CompletableFuture.completedFuture(null);
    }

    /**
     * Whether a device of the user did not take the entries: an online one that failed, or one that is offline. Only
     * the known devices tell the second, and they are asked only when every online device took them; if they cannot be
     * asked, the answer is yes (push-service skips the reached devices, so the cost is a request, never a wrong push).
     */
    private CompletableFuture<Boolean> someDeviceNotReached(String userId, List<DeviceLocation> online, Set<String> reached) {
        if (reached.isEmpty() || online.stream().map(DeviceLocation::deviceId).anyMatch(device -> !reached.contains(device))) {
            return CompletableFuture.completedFuture(true);
        }
        known.seen(userId, reached);
        return known.of(userId).handle((devices, failure) -> {
            if (failure != null) {
                log.debug("Known devices unavailable; asking for a push: {}", failure.toString());
                return true;
            }
            return !reached.containsAll(devices);
        });
    }

    private CompletableFuture<List<DeviceLocation>> onlineDevices(String userId, int attempt) {
        return devices.of(userId).handle((online, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(online);
            }
            if (attempt < retryDelays.size()) {
                log.debug("Connection registry unavailable, retrying: {}", failure.toString());
                return later(attempt).thenCompose(retry -> onlineDevices(userId, attempt + 1));
            }
            log.warn("Connection registry unavailable after {} attempts; the user's devices will sync: {}", attempt + 1,
                    failure.toString());
            metrics.count(FanoutOutcome.FAILED);
            return CompletableFuture.completedFuture(List.<DeviceLocation>of());
        }).thenCompose(result -> result);
    }

    /** The chunks one after the other; after one that is not queued the rest are left to the device's sync. */
    private CompletableFuture<FanoutOutcome> deliverInOrder(DeviceLocation device, List<List<InboxEntry>> chunks, int next) {
        return deliver(device, chunks.get(next), 0).thenCompose(outcome -> outcome != FanoutOutcome.QUEUED
                || next + 1 == chunks.size()
                        ? CompletableFuture.completedFuture(outcome)
                        : deliverInOrder(device, chunks, next + 1));
    }

    private CompletableFuture<FanoutOutcome> deliver(DeviceLocation device, List<InboxEntry> entries, int attempt) {
        return delivery.deliver(device, entries).thenCompose(outcome -> {
            if (outcome == FanoutOutcome.FAILED && attempt < retryDelays.size()) {
                return later(attempt).thenCompose(retry -> deliver(device, entries, attempt + 1));
            }
            metrics.count(outcome);
            if (outcome == FanoutOutcome.QUEUED) {
                metrics.queued(entries);
            }
            return CompletableFuture.completedFuture(outcome);
        });
    }

    private CompletableFuture<Void> later(int attempt) {
        Executor delayed = CompletableFuture.delayedExecutor(retryDelays.get(attempt).toMillis(), TimeUnit.MILLISECONDS);
        return CompletableFuture.runAsync(() -> { }, delayed);
    }

    int pendingUsers() {
        return queues.pendingUsers();
    }
}
