package io.parley.presence.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.testkit.MutableClock;
import io.parley.testkit.ReactiveRedisExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The online/offline state machine and its debounce, on a real Redis, at times the test chooses: what subscribers are
 * told (the messages published on the user's channel) and when.
 */
@Tag("integration")
@Timeout(60)
class LiveStateIntegrationTest {

    @RegisterExtension
    static final ReactiveRedisExtension REDIS = new ReactiveRedisExtension();

    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration CALL = Duration.ofSeconds(5);

    /**
     * Far in the future: the service's own sweeper, running in a Spring context an earlier test class left cached,
     * shares this Redis and reads the real clock. With a test clock in the past it found this test's gateway overdue
     * and reaped it first (a CI failure); deadlines in 2100 are never due for it.
     */
    private final MutableClock clock = new MutableClock(Instant.parse("2100-01-01T10:00:00Z"));
    private final String alice = UUID.randomUUID().toString();
    private final BlockingQueue<String> published = new LinkedBlockingQueue<>();
    private LiveState live;
    private ReactiveRedisMessageListenerContainer listener;
    private Disposable listening;

    @BeforeEach
    void listen() {
        live = new LiveState(REDIS.template(), clock, GRACE);
        listener = new ReactiveRedisMessageListenerContainer(REDIS.template().getConnectionFactory());
        listening = listener.receiveLater(ChannelTopic.of(PresenceKeys.channel(alice))).block(CALL)
                .subscribe(message -> published.add(message.getMessage()));
    }

    @AfterEach
    void stopListening() {
        listening.dispose();
        listener.destroy();
    }

    @Test
    void aUserIsOnlineFromTheFirstConnectionAndOfflineOnlyAfterTheGrace() throws InterruptedException {
        OpenConnection phone = connection("gw-1", "phone");

        assertThat(live.open(phone).block(CALL)).isTrue();
        assertThat(nextPublished()).isEqualTo("1|0");

        clock.advance(Duration.ofSeconds(30));
        long closedAt = clock.millis();
        assertThat(live.close(phone).block(CALL)).isTrue();
        assertThat(live.view(alice).block(CALL).online()).isTrue();

        clock.advance(GRACE.minusMillis(1));
        assertThat(live.finishDueOfflines(100).collectList().block(CALL)).isEmpty();

        clock.advance(Duration.ofMillis(1));
        assertThat(live.finishDueOfflines(100).collectList().block(CALL))
                .containsExactly(new LiveState.WentOffline(alice, closedAt));
        assertThat(nextPublished()).isEqualTo("0|" + closedAt);
        assertThat(live.view(alice).block(CALL)).isEqualTo(new LiveState.LiveView(false, closedAt));
    }

    @Test
    void aCloseReportedLateCountsItsGraceAndLastSeenFromTheCloseItself() throws InterruptedException {
        OpenConnection phone = connection("gw-1", "phone");
        live.open(phone).block(CALL);
        assertThat(nextPublished()).startsWith("1|");

        clock.advance(Duration.ofSeconds(30));
        Duration reportDelay = Duration.ofMillis(700);
        long closedAt = clock.millis() - reportDelay.toMillis();
        assertThat(live.close(phone, reportDelay).block(CALL)).isTrue();

        clock.advance(GRACE.minus(reportDelay).minusMillis(1));
        assertThat(live.finishDueOfflines(100).collectList().block(CALL)).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(live.finishDueOfflines(100).collectList().block(CALL))
                .containsExactly(new LiveState.WentOffline(alice, closedAt));
        assertThat(nextPublished()).isEqualTo("0|" + closedAt);
    }

    @Test
    void aCloseReportedAfterMoreThanTheGraceIsDatedBackByTheGraceOnly() throws InterruptedException {
        OpenConnection phone = connection("gw-1", "phone");
        live.open(phone).block(CALL);
        assertThat(nextPublished()).startsWith("1|");

        long reportedAt = clock.millis();
        assertThat(live.close(phone, GRACE.multipliedBy(5)).block(CALL)).isTrue();

        assertThat(live.finishDueOfflines(100).collectList().block(CALL))
                .containsExactly(new LiveState.WentOffline(alice, reportedAt - GRACE.toMillis()));
        assertThat(nextPublished()).isEqualTo("0|" + (reportedAt - GRACE.toMillis()));
    }

    @Test
    void aReconnectInsideTheGraceChangesNothingForSubscribers() throws InterruptedException {
        OpenConnection first = connection("gw-1", "phone");
        live.open(first).block(CALL);
        assertThat(nextPublished()).startsWith("1|");

        live.close(first).block(CALL);
        clock.advance(GRACE.minusSeconds(1));
        assertThat(live.open(connection("gw-2", "phone")).block(CALL)).isFalse();
        clock.advance(GRACE.multipliedBy(2));

        assertThat(live.finishDueOfflines(100).collectList().block(CALL)).isEmpty();
        assertThat(live.view(alice).block(CALL).online()).isTrue();
        assertThat(published.poll()).as("nothing published after the first online").isNull();
    }

    @Test
    void aUserWithAnotherConnectionStaysOnline() {
        OpenConnection phone = connection("gw-1", "phone");
        OpenConnection laptop = connection("gw-2", "laptop");
        live.open(phone).block(CALL);
        live.open(laptop).block(CALL);

        assertThat(live.close(phone).block(CALL)).isFalse();
        clock.advance(GRACE.multipliedBy(2));

        assertThat(live.finishDueOfflines(100).collectList().block(CALL)).isEmpty();
        assertThat(live.view(alice).block(CALL).online()).isTrue();
    }

    @Test
    void theCloseOfAReplacedConnectionDoesNotTakeTheDeviceOffline() {
        OpenConnection old = connection("gw-1", "phone");
        live.open(old).block(CALL);
        live.open(connection("gw-1", "phone")).block(CALL);

        assertThat(live.close(old).block(CALL)).isFalse();
    }

    @Test
    void aGatewayThatStopsReportingTakesItsDevicesOfflineAfterItsTtlAndTheGrace() throws InterruptedException {
        assertThat(live.alive("gw-dead", Duration.ofSeconds(5)).block(CALL)).as("unknown before").isFalse();
        live.open(connection("gw-dead", "phone")).block(CALL);
        assertThat(nextPublished()).startsWith("1|");

        clock.advance(Duration.ofSeconds(4));
        assertThat(live.reapDeadGateways(10).collectList().block(CALL)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        long reapedAt = clock.millis();
        assertThat(live.reapDeadGateways(10).collectList().block(CALL)).containsExactly("gw-dead");
        assertThat(live.alive("gw-dead", Duration.ofSeconds(5)).block(CALL)).as("must resend everything").isFalse();

        clock.advance(GRACE);
        assertThat(live.finishDueOfflines(100).collectList().block(CALL))
                .containsExactly(new LiveState.WentOffline(alice, reapedAt));
        assertThat(nextPublished()).isEqualTo("0|" + reapedAt);
    }

    @Test
    void aCompleteReportClosesWhatTheGatewayNoLongerHolds() {
        OpenConnection kept = connection("gw-1", "phone");
        OpenConnection lost = connection("gw-1", "laptop");
        live.open(kept).block(CALL);
        live.open(lost).block(CALL);

        live.closeAllExcept("gw-1", Set.of(kept)).block(CALL);

        assertThat(REDIS.template().opsForSet().members(PresenceKeys.connections(alice)).collectList().block(CALL))
                .containsExactly(kept.userMember());
        assertThat(live.alive("gw-1", Duration.ofSeconds(5)).block(CALL)).isFalse();
        assertThat(live.alive("gw-1", Duration.ofSeconds(5)).block(CALL)).isTrue();
    }

    private OpenConnection connection(String gateway, String device) {
        return new OpenConnection(gateway, alice, device, UUID.randomUUID().toString());
    }

    private String nextPublished() throws InterruptedException {
        String message = published.poll(5, TimeUnit.SECONDS);
        assertThat(message).as("a message on the user's channel").isNotNull();
        return message;
    }

    /**
     * Lettuce stops reading a connection while a reply of many elements has no demand left; a command issued from
     * inside that stream (a close per member of a gateway's set, a finish per due user) then waits for a reply that is
     * never read, and every command on the shared connection times out. Seen under the presence bench: 500 watchers
     * left at once and presence-service's Redis stopped answering for minutes. 300 is well past any prefetch.
     */
    @Test
    void closingABigGatewayAndSweepingManyOfflinesFinishOnTheSharedConnection() {
        String gateway = "gw-big-" + UUID.randomUUID();
        List<OpenConnection> connections = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            connections.add(new OpenConnection(gateway, UUID.randomUUID().toString(), "device", UUID.randomUUID().toString()));
        }
        Flux.fromIterable(connections).concatMap(live::open).blockLast(Duration.ofSeconds(30));

        live.closeAllExcept(gateway, Set.of()).block(Duration.ofSeconds(30));
        clock.advance(GRACE);
        List<LiveState.WentOffline> offline = live.finishDueOfflines(1_000).collectList().block(Duration.ofSeconds(30));

        assertThat(offline).extracting(LiveState.WentOffline::userId)
                .containsAll(connections.stream().map(OpenConnection::userId).toList());
        assertThat(live.view(alice).block(CALL)).as("the connection still answers").isNotNull();
    }
}
