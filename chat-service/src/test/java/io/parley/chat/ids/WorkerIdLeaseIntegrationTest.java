package io.parley.chat.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.parley.testkit.ReactiveRedisExtension;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Snowflake worker ids leased in real Redis: two holders never share one, and a lost lease stops id issuing. */
@Tag("integration")
@Timeout(60)
class WorkerIdLeaseIntegrationTest {

    @RegisterExtension
    static final ReactiveRedisExtension REDIS = new ReactiveRedisExtension();
    private static final IdSettings SETTINGS = new IdSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(5));

    static ReactiveStringRedisTemplate redis;

    @BeforeAll
    static void connect() {
        redis = REDIS.template();
    }

    @Test
    void twoHoldersNeverShareAWorkerIdAndAThirdWaitsForOneToBeReleased() {
        String prefix = prefix();
        WorkerIdLease first = lease(prefix, 2, SETTINGS, System::nanoTime);
        WorkerIdLease second = lease(prefix, 2, SETTINGS, System::nanoTime);
        WorkerIdLease third = lease(prefix, 2, SETTINGS, System::nanoTime);
        first.maintain();
        second.maintain();
        third.maintain();

        assertThat(first.workerId()).isNotEqualTo(second.workerId());
        assertThatThrownBy(third::workerId).isInstanceOf(IdUnavailableException.class);

        int released = first.workerId();
        first.stop();
        third.maintain();
        assertThat(third.workerId()).isEqualTo(released);
        assertThatThrownBy(first::workerId).isInstanceOf(IdUnavailableException.class);
    }

    @Test
    void aLeaseTakenOverByAnotherHolderStopsIdIssuingAtTheNextRenewal() {
        String prefix = prefix();
        WorkerIdLease holder = lease(prefix, 1, SETTINGS, System::nanoTime);
        holder.maintain();
        assertThat(holder.workerId()).isZero();

        redis.opsForValue().set(prefix + "0", "another-pod", Duration.ofSeconds(30)).block();
        holder.maintain();

        assertThatThrownBy(holder::workerId).isInstanceOf(IdUnavailableException.class);
        assertThat(redis.opsForValue().get(prefix + "0").block()).isEqualTo("another-pod");
    }

    @Test
    void aLeaseRedisLostIsTakenBackUnderTheSameId() {
        String prefix = prefix();
        WorkerIdLease holder = lease(prefix, 4, SETTINGS, System::nanoTime);
        holder.maintain();
        int workerId = holder.workerId();

        redis.delete(prefix + workerId).block();
        holder.maintain();

        assertThat(holder.workerId()).isEqualTo(workerId);
        assertThat(redis.hasKey(prefix + workerId).block()).isTrue();
    }

    @Test
    void anUnrenewedLeaseStopsIssuingBeforeItCouldExpireInRedis() {
        AtomicLong now = new AtomicLong(0);
        WorkerIdLease holder = lease(prefix(), 1, SETTINGS, now::get);
        holder.maintain();

        now.set(Duration.ofSeconds(24).toNanos());
        assertThat(holder.workerId()).isZero();
        now.set(Duration.ofSeconds(25).toNanos() + 1);
        assertThatThrownBy(holder::workerId).isInstanceOf(IdUnavailableException.class);
    }

    @Test
    void theWorkerIdOfACrashedHolderIsFreeAfterTheLeaseTtl() {
        String prefix = prefix();
        IdSettings shortLease = new IdSettings(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofMillis(500));
        WorkerIdLease crashed = lease(prefix, 1, shortLease, System::nanoTime);
        crashed.maintain();
        WorkerIdLease successor = lease(prefix, 1, shortLease, System::nanoTime);
        successor.maintain();
        assertThatThrownBy(successor::workerId).isInstanceOf(IdUnavailableException.class);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            successor.maintain();
            try {
                return successor.workerId() == 0;
            } catch (IdUnavailableException stillTaken) {
                return false;
            }
        });
        assertThatThrownBy(crashed::workerId).isInstanceOf(IdUnavailableException.class);
    }

    private static WorkerIdLease lease(String prefix, int workerIds, IdSettings settings, java.util.function.LongSupplier clock) {
        return new WorkerIdLease(redis, settings, prefix, workerIds, clock);
    }

    private static String prefix() {
        return "test:worker:" + UUID.randomUUID() + ":";
    }
}
