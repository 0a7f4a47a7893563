package io.parley.chat.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.connections.DeviceLocation;
import io.parley.grpc.calls.GrpcMessageLimits;
import io.parley.proto.chat.v1.ChatMessage;
import io.parley.proto.chat.v1.InboxEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeliveryFanoutTest {

    private static final List<Duration> QUICK_RETRIES = List.of(Duration.ofMillis(1), Duration.ofMillis(1),
            Duration.ofMillis(1));
    private static final DeviceLocation PHONE = new DeviceLocation("bob", "phone", "gw-1", "c-1", 0);
    private static final DeviceLocation LAPTOP = new DeviceLocation("bob", "laptop", "gw-2", "c-2", 0);

    private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
    private final List<String> pushed = Collections.synchronizedList(new ArrayList<>());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void aRegistryTimeoutDelaysTheLiveDeliveryInsteadOfSkippingIt() {
        // Under load the registry once answered too late and the online device saw the message only later.
        AtomicInteger lookups = new AtomicInteger();
        OnlineDevices flaky = user -> lookups.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(new TimeoutException("registry too slow"))
                : CompletableFuture.completedFuture(List.of(PHONE));
        DeliveryFanout fanout = fanout(flaky, this::queued);

        fanout.dispatch(List.of(message("bob", 1, "alice")));

        await().atMost(Duration.ofSeconds(5)).until(() -> delivered.contains("phone:1"));
        assertThat(lookups).hasValue(2);
        assertThat(pushed).isEmpty();
    }

    @Test
    void aFailedGatewayCallIsRetriedForThatDeviceOnly() {
        AtomicInteger phoneCalls = new AtomicInteger();
        DeviceDelivery phoneFailsOnce = (device, entries) -> device == PHONE && phoneCalls.incrementAndGet() == 1
                ? CompletableFuture.completedFuture(FanoutOutcome.FAILED)
                : queued(device, entries);
        DeliveryFanout fanout = fanout(user -> CompletableFuture.completedFuture(List.of(PHONE, LAPTOP)), phoneFailsOnce);

        fanout.dispatch(List.of(message("bob", 7, "alice")));

        await().atMost(Duration.ofSeconds(5)).until(() -> delivered.containsAll(List.of("phone:7", "laptop:7")));
        assertThat(delivered).containsOnlyOnce("laptop:7");
        assertThat(phoneCalls).hasValue(2);
    }

    @Test
    void aUserNoDeviceTookItFromGetsAPushAfterTheRetries() {
        DeviceDelivery alwaysFails = (device, entries) -> CompletableFuture.completedFuture(FanoutOutcome.FAILED);
        DeliveryFanout fanout = fanout(user -> CompletableFuture.completedFuture(List.of(PHONE)), alwaysFails);

        fanout.dispatch(List.of(message("bob", 3, "alice")));

        await().atMost(Duration.ofSeconds(5)).until(() -> pushed.contains("bob:3"));
        assertThat(meters.counter("parley.chat.fanout.deliveries", "outcome", "failed").count()).isEqualTo(1);
    }

    @Test
    void aDeviceThatIsNotConnectedAnyMoreIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        DeviceDelivery stale = (device, entries) -> {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(FanoutOutcome.NOT_CONNECTED);
        };
        DeliveryFanout fanout = fanout(user -> CompletableFuture.completedFuture(List.of(PHONE)), stale);

        fanout.dispatch(List.of(message("bob", 4, "alice")));

        await().atMost(Duration.ofSeconds(5)).until(() -> pushed.contains("bob:4"));
        assertThat(calls).hasValue(1);
    }

    @Test
    void ownMessagesAndReceiptsAreNeverPushed() {
        DeliveryFanout fanout = fanout(user -> CompletableFuture.completedFuture(List.of()), this::queued);

        fanout.dispatch(List.of(message("bob", 5, "bob")));

        await().atMost(Duration.ofSeconds(5)).until(() -> fanout.pendingUsers() == 0);
        assertThat(pushed).isEmpty();
    }

    @Test
    void oneUsersBatchesReachTheDeviceInInboxOrder() {
        DeliveryFanout fanout = fanout(user -> CompletableFuture.completedFuture(List.of(PHONE)),
                (device, entries) -> CompletableFuture.supplyAsync(() -> queued(device, entries).join(),
                        CompletableFuture.delayedExecutor(20 - entries.get(0).getInboxSeq(),
                                java.util.concurrent.TimeUnit.MILLISECONDS)));

        for (int seq = 1; seq <= 10; seq++) {
            fanout.dispatch(List.of(message("bob", seq, "alice")));
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() == 10);
        assertThat(delivered).containsExactly("phone:1", "phone:2", "phone:3", "phone:4", "phone:5", "phone:6",
                "phone:7", "phone:8", "phone:9", "phone:10");
    }

    @Test
    void aBatchLargerThanOneCallTakesIsDeliveredInSeveralCallsInOrder() {
        // 40 entries of 60 KB: 2.4 MB in one Deliver would exceed the gateway's limit and fail every time.
        List<Integer> callBytes = Collections.synchronizedList(new ArrayList<>());
        DeliveryFanout fanout = fanout(user -> CompletableFuture.completedFuture(List.of(PHONE)), (device, entries) -> {
            callBytes.add(entries.stream().mapToInt(InboxEntry::getSerializedSize).sum());
            return queued(device, entries);
        });
        List<InboxEntry> batch = new ArrayList<>();
        for (int seq = 1; seq <= 40; seq++) {
            batch.add(large(message("bob", seq, "alice"), 60_000));
        }

        fanout.dispatch(batch);

        await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() == 40);
        assertThat(delivered).isEqualTo(batch.stream().map(entry -> "phone:" + entry.getInboxSeq()).toList());
        assertThat(callBytes).hasSizeGreaterThan(1).allSatisfy(bytes ->
                assertThat(bytes).isLessThanOrEqualTo(GrpcMessageLimits.MAX_DELIVER_BYTES));
        assertThat(pushed).isEmpty();
    }

    @Test
    void afterAChunkIsNotTakenTheRestIsLeftToTheDevicesSync() {
        AtomicInteger calls = new AtomicInteger();
        DeliveryFanout fanout = fanout(user -> CompletableFuture.completedFuture(List.of(PHONE)),
                (device, entries) -> calls.incrementAndGet() == 1 ? queued(device, entries)
                        : CompletableFuture.completedFuture(FanoutOutcome.OVERLOADED));
        List<InboxEntry> batch = new ArrayList<>();
        for (int seq = 1; seq <= 40; seq++) {
            batch.add(large(message("bob", seq, "alice"), 60_000));
        }

        fanout.dispatch(batch);

        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 2);
        assertThat(delivered).isNotEmpty().hasSizeLessThan(40);
        assertThat(delivered.get(0)).isEqualTo("phone:1");
    }

    private static InboxEntry large(InboxEntry entry, int bodyBytes) {
        return entry.toBuilder().setMessage(entry.getMessage().toBuilder()
                .setBody(ByteString.copyFrom(new byte[bodyBytes]))).build();
    }

    @Test
    void anOfflinePhoneIsPushedWhileTheLaptopTookTheMessageLive() {
        DeliveryFanout fanout = fanout(user -> CompletableFuture.completedFuture(List.of(LAPTOP)),
                user -> CompletableFuture.completedFuture(Set.of("phone", "laptop")), this::queued);

        fanout.dispatch(List.of(message("bob", 8, "alice")));

        await().atMost(Duration.ofSeconds(5)).until(() -> pushed.contains("bob:8 reached [laptop]"));
        assertThat(delivered).containsExactly("laptop:8");
    }

    @Test
    void noPushIsRequestedWhenEveryKnownDeviceTookTheMessageLive() {
        AtomicInteger lookups = new AtomicInteger();
        DeliveryFanout fanout = fanout(user -> CompletableFuture.completedFuture(List.of(PHONE, LAPTOP)), user -> {
            lookups.incrementAndGet();
            return CompletableFuture.completedFuture(Set.of("phone", "laptop"));
        }, this::queued);

        fanout.dispatch(List.of(message("bob", 9, "alice")));

        await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() == 2 && fanout.pendingUsers() == 0);
        assertThat(lookups).hasValue(1);
        assertThat(pushed).isEmpty();
    }

    @Test
    void anOnlineDeviceThatDidNotTakeTheMessageIsPushedWithoutAskingForKnownDevices() {
        DeviceDelivery phoneGone = (device, entries) -> device == PHONE
                ? CompletableFuture.completedFuture(FanoutOutcome.NOT_CONNECTED)
                : queued(device, entries);
        DeliveryFanout fanout = fanout(user -> CompletableFuture.completedFuture(List.of(PHONE, LAPTOP)),
                user -> { throw new AssertionError("not needed"); }, phoneGone);

        fanout.dispatch(List.of(message("bob", 10, "alice")));

        await().atMost(Duration.ofSeconds(5)).until(() -> pushed.contains("bob:10 reached [laptop]"));
    }

    @Test
    void whenKnownDevicesCannotBeReadAPushIsRequestedNamingTheReachedDevices() {
        DeliveryFanout fanout = fanout(user -> CompletableFuture.completedFuture(List.of(LAPTOP)),
                user -> CompletableFuture.failedFuture(new IllegalStateException("Cassandra down")), this::queued);

        fanout.dispatch(List.of(message("bob", 11, "alice")));

        await().atMost(Duration.ofSeconds(5)).until(() -> pushed.contains("bob:11 reached [laptop]"));
    }

    private DeliveryFanout fanout(OnlineDevices devices, DeviceDelivery delivery) {
        return fanout(devices, user -> CompletableFuture.completedFuture(Set.of()), delivery);
    }

    private DeliveryFanout fanout(OnlineDevices devices, KnownDevices known, DeviceDelivery delivery) {
        PushFallback push = new PushFallback() {
            @Override
            public boolean worthPushing(String userId, List<InboxEntry> entries) {
                return entries.stream().anyMatch(e -> e.hasMessage() && !e.getMessage().getSenderUserId().equals(userId));
            }

            @Override
            public CompletableFuture<Void> request(String userId, List<InboxEntry> entries, Set<String> reached) {
                entries.forEach(entry -> pushed.add(userId + ":" + entry.getInboxSeq()
                        + (reached.isEmpty() ? "" : " reached " + new java.util.TreeSet<>(reached))));
                return CompletableFuture.completedFuture(null);
            }
        };
        return new DeliveryFanout(devices, known, delivery, push, new FanoutMetrics(meters, java.time.Clock.systemUTC()), 16, Duration.ofSeconds(1),
                QUICK_RETRIES);
    }

    private CompletableFuture<FanoutOutcome> queued(DeviceLocation device, List<InboxEntry> entries) {
        entries.forEach(entry -> delivered.add(device.deviceId() + ":" + entry.getInboxSeq()));
        return CompletableFuture.completedFuture(FanoutOutcome.QUEUED);
    }

    private static InboxEntry message(String userId, long inboxSeq, String sender) {
        return InboxEntry.newBuilder().setUserId(userId).setInboxSeq(inboxSeq)
                .setMessage(ChatMessage.newBuilder().setMessageId(Long.toString(inboxSeq)).setChatId("d:alice:bob")
                        .setSeq(inboxSeq).setSenderUserId(sender))
                .build();
    }
}
