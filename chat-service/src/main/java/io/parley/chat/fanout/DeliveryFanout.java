package io.parley.chat.fanout;

import io.parley.grpc.calls.UnaryCalls;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.gateway.v1.DeliverRequest;
import io.parley.proto.gateway.v1.DeliverResponse;
import io.parley.sessions.DeviceSession;
import io.parley.sessions.SessionRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers stored inbox entries live: every online device of the user (session registry) gets them through
 * the gateway holding its connection; a user with no device reached gets a push request instead. All of it
 * is best effort and off the consumer thread: whatever is not delivered reaches the device through sync.
 * At most {@code maxInFlight} users have deliveries outstanding; beyond that the consumer waits (bounded by
 * the deliver deadline), so a slow gateway slows consumption instead of filling the heap.
 */
public final class DeliveryFanout {

    private static final Logger log = LoggerFactory.getLogger(DeliveryFanout.class);
    private static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(1);

    private final SessionRegistry registry;
    private final GatewayDirectory gateways;
    private final PushRequests push;
    private final FanoutMetrics metrics;
    private final Duration deadline;
    private final Semaphore inFlight;
    private final Duration admissionWait;
    private final UserQueues queues = new UserQueues();

    DeliveryFanout(SessionRegistry registry, GatewayDirectory gateways, PushRequests push, FanoutMetrics metrics,
            FanoutSettings settings) {
        this.registry = registry;
        this.gateways = gateways;
        this.push = push;
        this.metrics = metrics;
        this.deadline = settings.deliverDeadline();
        this.inFlight = new Semaphore(settings.maxInFlight());
        this.admissionWait = settings.deliverDeadline().plus(REGISTRY_TIMEOUT).multipliedBy(2);
    }

    /** Starts delivering the entries (in inbox_seq order per user); returns once every user's job is queued. */
    public void dispatch(List<InboxEntry> stored) {
        Map<String, List<InboxEntry>> byUser = new LinkedHashMap<>();
        stored.forEach(entry -> byUser.computeIfAbsent(entry.getUserId(), user -> new ArrayList<>()).add(entry));
        byUser.forEach((userId, entries) -> {
            if (!admit()) {
                metrics.count(FanoutOutcome.FAILED);
                log.warn("Fan-out saturated; {} entries left to sync user_inbox_seq={}", entries.size(),
                        entries.get(entries.size() - 1).getInboxSeq());
                return;
            }
            queues.submit(userId, () -> deliver(userId, entries)).whenComplete((done, failure) -> inFlight.release());
        });
    }

    private boolean admit() {
        try {
            return inFlight.tryAcquire(admissionWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private CompletableFuture<Void> deliver(String userId, List<InboxEntry> entries) {
        return registry.onlineDevices(userId).collectList().timeout(REGISTRY_TIMEOUT).toFuture()
                .exceptionally(failure -> {
                    log.warn("Session registry unavailable, pushing instead: {}", failure.toString());
                    return List.of();
                })
                .thenCompose(devices -> {
                    List<CompletableFuture<FanoutOutcome>> deliveries = devices.stream()
                            .map(device -> deliver(device, entries))
                            .toList();
                    return CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new))
                            .thenCompose(all -> {
                                boolean reached = deliveries.stream().anyMatch(d -> d.join() == FanoutOutcome.QUEUED);
                                return reached || !PushRequests.worthPushing(userId, entries)
                                        ? CompletableFuture.completedFuture(null)
                                        : push.request(userId, entries).thenRun(() -> metrics.count(FanoutOutcome.PUSH));
                            });
                });
    }

    private CompletableFuture<FanoutOutcome> deliver(DeviceSession device, List<InboxEntry> entries) {
        DeliverRequest request = DeliverRequest.newBuilder()
                .setUserId(device.userId())
                .setDeviceId(device.deviceId())
                .setConnectionId(device.connectionId())
                .addAllEntries(entries)
                .build();
        return gateways.stub(device.gatewayId())
                .thenCompose(stub -> stub.isEmpty()
                        ? CompletableFuture.completedFuture(FanoutOutcome.NOT_CONNECTED)
                        : UnaryCalls.<DeliverResponse>future(observer -> stub.get()
                                        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                                        .deliver(request, observer))
                                .thenApply(response -> FanoutOutcome.of(response.getOutcome())))
                .exceptionally(failure -> {
                    log.debug("Live delivery failed gateway={}: {}", device.gatewayId(), failure.toString());
                    return FanoutOutcome.FAILED;
                })
                .whenComplete((outcome, failure) -> metrics.count(outcome));
    }

    int pendingUsers() {
        return queues.pendingUsers();
    }
}
