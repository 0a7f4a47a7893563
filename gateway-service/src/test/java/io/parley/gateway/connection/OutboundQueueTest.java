package io.parley.gateway.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.BaseSubscriber;
import org.reactivestreams.Subscription;

class OutboundQueueTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final OutboundQueue queue = new OutboundQueue(4, 1_000, clock::millis);
    private final Reader reader = new Reader();

    @Test
    void framesAreWrittenInTheOrderTheyWereQueued() {
        queue.frames().subscribe(reader);
        queue.offer("a");
        queue.offer("b");
        queue.offer("c");

        reader.read(3);

        assertThat(reader.written).containsExactly("a", "b", "c");
    }

    @Test
    void aFrameBeyondTheFrameBoundIsRefused() {
        queue.frames().subscribe(reader);
        for (int i = 0; i < 4; i++) {
            assertThat(queue.offer("f" + i)).isTrue();
        }

        assertThat(queue.offer("f4")).isFalse();
        assertThat(queue.size()).isEqualTo(4);
    }

    @Test
    void aFrameBeyondTheCharacterBoundIsRefusedEvenWithFewFrames() {
        queue.frames().subscribe(reader);
        assertThat(queue.offer("x".repeat(600))).isTrue();

        assertThat(queue.offer("y".repeat(401))).isFalse();
        assertThat(queue.offer("y".repeat(400))).isTrue();
    }

    @Test
    void framesTheDeviceReadMakeRoomAgain() {
        queue.frames().subscribe(reader);
        for (int i = 0; i < 4; i++) {
            queue.offer("f" + i);
        }

        reader.read(1);

        assertThat(queue.offer("f4")).isTrue();
        reader.read(10);
        assertThat(reader.written).containsExactly("f0", "f1", "f2", "f3", "f4");
    }

    @Test
    void syncPagesMayGoBeyondTheBound() {
        queue.frames().subscribe(reader);
        for (int i = 0; i < 4; i++) {
            queue.offer("f" + i);
        }

        assertThat(queue.force("page entry")).isTrue();
        assertThat(queue.size()).isEqualTo(5);
    }

    @Test
    void roomForAPageIsAnnouncedOnceTheReaderDrainedHalfTheQueue() {
        queue.frames().subscribe(reader);
        for (int i = 0; i < 4; i++) {
            queue.offer("f" + i);
        }
        AtomicInteger announced = new AtomicInteger();
        queue.whenHalfEmpty(announced::incrementAndGet);

        reader.read(1);
        assertThat(announced).as("3 of 4 still queued").hasValue(0);
        reader.read(1);
        assertThat(announced).hasValue(1);
        reader.read(2);
        assertThat(announced).as("announced once").hasValue(1);
    }

    @Test
    void roomForAPageIsAnnouncedAtOnceWhenThereIsRoomNow() {
        AtomicInteger announced = new AtomicInteger();

        queue.whenHalfEmpty(announced::incrementAndGet);

        assertThat(announced).hasValue(1);
    }

    @Test
    void completingStillWritesTheQueuedFramesThenEndsAndRefusesMore() {
        queue.frames().subscribe(reader);
        queue.offer("last words");

        queue.complete();

        assertThat(queue.offer("too late")).isFalse();
        assertThat(queue.force("too late")).isFalse();
        reader.read(10);
        assertThat(reader.written).containsExactly("last words");
        assertThat(reader.completed).isTrue();
    }

    @Test
    void abortingDropsTheQueuedFramesAndEndsWithTheReason() {
        queue.frames().subscribe(reader);
        queue.offer("never written");
        IllegalStateException reason = new IllegalStateException("slow consumer");

        queue.abort(reason);

        reader.read(10);
        assertThat(reader.written).isEmpty();
        assertThat(reader.error).isSameAs(reason);
    }

    @Test
    void aQueueIsStalledOnlyWhenItsFramesWaitedSinceTheCutoffWithoutOneBeingTaken() {
        queue.frames().subscribe(reader);
        clock.advance(Duration.ofMinutes(10));
        assertThat(queue.stalledSince(clock.millis())).as("empty").isFalse();

        queue.offer("a");
        queue.offer("b");
        clock.advance(Duration.ofSeconds(30));
        assertThat(queue.stalledSince(clock.millis() - 30_000)).as("waited exactly up to the cutoff").isFalse();
        assertThat(queue.stalledSince(clock.millis() - 29_999)).isTrue();

        reader.read(1);
        assertThat(queue.stalledSince(clock.millis() - 1)).as("a frame was just taken").isFalse();
        clock.advance(Duration.ofSeconds(30));
        assertThat(queue.stalledSince(clock.millis() - 29_999)).isTrue();
    }

    /** A device that reads only when the test says so. */
    private static final class Reader extends BaseSubscriber<String> {
        final List<String> written = new CopyOnWriteArrayList<>();
        volatile boolean completed;
        volatile Throwable error;

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            // reads nothing until read(n)
        }

        void read(int frames) {
            request(frames);
        }

        @Override
        protected void hookOnNext(String frame) {
            written.add(frame);
        }

        @Override
        protected void hookOnComplete() {
            completed = true;
        }

        @Override
        protected void hookOnError(Throwable throwable) {
            error = throwable;
        }
    }
}
