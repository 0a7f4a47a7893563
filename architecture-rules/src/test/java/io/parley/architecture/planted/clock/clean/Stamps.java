package io.parley.architecture.planted.clock.clean;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;

public class Stamps {
    private final Clock clock;

    public Stamps(Clock clock) {
        this.clock = clock;
    }

    public Instant stamp() {
        return clock.instant();
    }

    public LocalDateTime local() {
        return LocalDateTime.now(clock);
    }

    public long elapsedNanos(long start) {
        return System.nanoTime() - start;
    }

    public static final class Builder {
        private Clock clock = Clock.systemUTC();

        public Stamps build() {
            return new Stamps(clock);
        }
    }
}
