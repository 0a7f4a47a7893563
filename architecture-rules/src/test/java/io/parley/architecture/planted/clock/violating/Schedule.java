package io.parley.architecture.planted.clock.violating;

import java.time.Clock;

/** Makes its own system clock outside any wiring code. */
public class Schedule {
    private final Clock clock = Clock.systemUTC();

    public long epochMillis() {
        return clock.millis();
    }
}
