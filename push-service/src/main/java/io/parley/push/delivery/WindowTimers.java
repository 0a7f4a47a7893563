package io.parley.push.delivery;

import io.parley.push.delivery.CollapseWindows.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The ends of the collapse windows that hold a request, in memory (the held requests themselves are in
 * {@link CollapseWindows}). One timer per window end; closing is idempotent, so a second timer for the same window
 * (a race with a new window) costs one read. Closing retries with back-off while the registry or the markers cannot
 * be reached. The timers of a partition taken away from this instance are cancelled: the next owner schedules them.
 */
final class WindowTimers {

    private static final Logger log = LoggerFactory.getLogger(WindowTimers.class);

    private record Timer(Instant at, Disposable running) {
    }

    private final Map<Key, Timer> scheduled = new ConcurrentHashMap<>();
    private final Function<Key, Mono<Void>> close;
    private final Clock clock;
    private final Duration firstBackOff;
    private final Duration maxBackOff;

    WindowTimers(Function<Key, Mono<Void>> close, Clock clock, Duration firstBackOff, Duration maxBackOff) {
        this.close = close;
        this.clock = clock;
        this.firstBackOff = firstBackOff;
        this.maxBackOff = maxBackOff;
    }

    /** Closes the window of {@code key} at {@code at} (at once if that is past), unless that is already planned. */
    void closeAt(Key key, Instant at) {
        scheduled.compute(key, (k, planned) -> planned != null && planned.at().equals(at) ? planned : new Timer(at, start(k, at)));
    }

    private Disposable start(Key key, Instant at) {
        Duration wait = Duration.between(clock.instant(), at);
        return Mono.delay(wait.isNegative() ? Duration.ZERO : wait)
                .then(Mono.defer(() -> {
                    scheduled.computeIfPresent(key, (k, planned) -> planned.at().equals(at) ? null : planned);
                    return close.apply(key);
                }).retryWhen(Retry.backoff(Long.MAX_VALUE, firstBackOff).maxBackoff(maxBackOff)
                        .doBeforeRetry(failure -> log.warn("Closing a collapse window failed, retrying: {}",
                                failure.failure().toString()))))
                .subscribe();
    }

    /** Forgets the timers of the partitions (taken away from this instance). */
    void cancel(Collection<Integer> partitions) {
        scheduled.entrySet().removeIf(entry -> {
            if (partitions.contains(entry.getKey().partition())) {
                entry.getValue().running().dispose();
                return true;
            }
            return false;
        });
    }

    int planned() {
        return scheduled.size();
    }
}
