package io.parley.client.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: attempt n waits a uniformly random time in
 * {@code [0, min(max, initial * 2^n))}. Full jitter spreads the reconnects of many clients that lost the same
 * gateway at the same moment, instead of sending them back in synchronized waves.
 */
public final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private final DoubleSupplier random;
    private int attempt;

    /** @param random uniform in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble} */
    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The delay before the next attempt; each call counts one more failed attempt. */
    public Duration next() {
        long ceiling = ceiling(attempt);
        if (attempt < 62) {
            attempt++;
        }
        return Duration.ofMillis((long) (random.getAsDouble() * ceiling));
    }

    /** The upper bound of the delay of attempt {@code n}. */
    long ceiling(int n) {
        if (n >= 62 || initialMillis << n >>> n != initialMillis) {
            return maxMillis;
        }
        return Math.min(maxMillis, initialMillis << n);
    }

    /** A success: the next failure starts from the initial delay again. */
    public void reset() {
        attempt = 0;
    }

    public int attempts() {
        return attempt;
    }
}
