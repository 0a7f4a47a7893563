package io.parley.chat.ids;

import java.time.Clock;
import java.time.Instant;

/**
 * Snowflake ids: 41 bits of milliseconds since {@link #EPOCH}, 10 bits of worker id, 12 bits of
 * sequence. Unique as long as no two processes use the same worker id at the same time (the
 * {@link WorkerIdLease} makes sure of that) and roughly time-ordered, which is all they promise: the
 * order of a chat is its sequence number, not its ids.
 *
 * <p>When the clock stands still or steps back, ids keep counting on the last millisecond used and, once
 * its 4,096 sequence values are spent, borrow the next millisecond, so a small clock step never blocks
 * a sender. A step back of more than {@code maxBorrow} is refused instead of drifting further ahead.
 */
public final class Snowflake {

    public static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");
    public static final int MAX_WORKER_ID = (1 << 10) - 1;
    static final int SEQUENCE_BITS = 12;
    static final int WORKER_SHIFT = SEQUENCE_BITS;
    static final int TIME_SHIFT = SEQUENCE_BITS + 10;
    private static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;
    private static final long EPOCH_MILLIS = EPOCH.toEpochMilli();

    private final Clock clock;
    private final long maxBorrowMillis;
    private long lastMillis = -1;
    private long sequence;

    public Snowflake(Clock clock, long maxBorrowMillis) {
        if (maxBorrowMillis < 0) {
            throw new IllegalArgumentException("maxBorrowMillis must not be negative");
        }
        this.clock = clock;
        this.maxBorrowMillis = maxBorrowMillis;
    }

    /** The next id for {@code workerId}; throws {@link IdUnavailableException} if the clock went back too far. */
    public synchronized long next(int workerId) {
        if (workerId < 0 || workerId > MAX_WORKER_ID) {
            throw new IllegalArgumentException("workerId must be 0.." + MAX_WORKER_ID + ", was " + workerId);
        }
        long now = clock.millis() - EPOCH_MILLIS;
        if (now < 0) {
            throw new IdUnavailableException("the clock is before the Parley epoch");
        }
        if (now > lastMillis) {
            lastMillis = now;
            sequence = 0;
        } else {
            sequence = (sequence + 1) & MAX_SEQUENCE;
            if (sequence == 0) {
                lastMillis++;
            }
            if (lastMillis - now > maxBorrowMillis) {
                throw new IdUnavailableException("the clock stepped back by more than " + maxBorrowMillis + " ms");
            }
        }
        return (lastMillis << TIME_SHIFT) | ((long) workerId << WORKER_SHIFT) | sequence;
    }

    public static Instant timestampOf(long id) {
        return Instant.ofEpochMilli((id >>> TIME_SHIFT) + EPOCH_MILLIS);
    }

    public static int workerOf(long id) {
        return (int) ((id >>> WORKER_SHIFT) & MAX_WORKER_ID);
    }

    public static int sequenceOf(long id) {
        return (int) (id & MAX_SEQUENCE);
    }
}
