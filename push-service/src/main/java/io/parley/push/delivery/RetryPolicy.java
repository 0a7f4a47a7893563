package io.parley.push.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a push again after the platform said "later" (429, 5xx, no connection): exponential back-off from
 * {@code firstBackOff}, never sooner than the platform's {@code Retry-After}, at most {@code maxAttempts} sends in
 * all. A retry that could only happen after the notification expired, or after a wait longer than
 * {@code maxBackOff} (a Retry-After of an hour would hold the partition), is not made: the push is given up.
 */
record RetryPolicy(Duration firstBackOff, Duration maxBackOff, int maxAttempts) {

    /** The wait before send number {@code attemptsMade + 1}, or empty to give up. */
    Optional<Duration> nextDelay(int attemptsMade, Duration retryAfter, Instant now, Instant expiresAt) {
        if (attemptsMade >= maxAttempts || retryAfter.compareTo(maxBackOff) > 0) {
            return Optional.empty();
        }
        Duration exponential = firstBackOff.multipliedBy(1L << Math.min(attemptsMade - 1, 20));
        Duration backOff = exponential.compareTo(maxBackOff) > 0 ? maxBackOff : exponential;
        Duration delay = retryAfter.compareTo(backOff) > 0 ? retryAfter : backOff;
        return now.plus(delay).isBefore(expiresAt) ? Optional.of(delay) : Optional.empty();
    }
}
