package io.parley.architecture.planted.clock.violating;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.function.Supplier;

public class Stamps {
    public Instant stamp() {
        return Instant.now();
    }

    public long millis() {
        return System.currentTimeMillis();
    }

    public LocalDateTime local() {
        return LocalDateTime.now();
    }

    public Supplier<Instant> later() {
        return Instant::now;
    }
}
