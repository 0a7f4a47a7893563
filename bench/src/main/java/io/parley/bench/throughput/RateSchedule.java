package io.parley.bench.throughput;

/**
 * An open-loop schedule: message {@code i} is due at {@code start + i / rate}, whatever happened to earlier ones,
 * so a slow server shows as latency and backlog instead of quietly slowing the generator down.
 */
public record RateSchedule(long startNanos, double ratePerSecond, long total) {

    public RateSchedule {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
    }

    public static RateSchedule of(long startNanos, double ratePerSecond, double seconds) {
        return new RateSchedule(startNanos, ratePerSecond, (long) Math.floor(ratePerSecond * seconds));
    }

    /** When message {@code index} (0-based) is due. */
    public long dueAt(long index) {
        return startNanos + (long) Math.ceil(index * 1e9 / ratePerSecond);
    }

    /** How many messages are due by {@code nowNanos} (never more than {@code total}). */
    public long dueBy(long nowNanos) {
        if (nowNanos < startNanos) {
            return 0;
        }
        long due = (long) Math.floor((nowNanos - startNanos) * ratePerSecond / 1e9) + 1;
        return Math.min(due, total);
    }

    /** When the last message is due. */
    public long endNanos() {
        return total == 0 ? startNanos : dueAt(total - 1);
    }
}
