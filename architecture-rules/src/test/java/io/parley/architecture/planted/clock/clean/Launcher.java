package io.parley.architecture.planted.clock.clean;

import java.time.Clock;

/** A program without Spring wires its clock in main. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        new Stamps(Clock.systemUTC()).stamp();
    }
}
