package io.parley.architecture.planted.internals.violating.engine.internal;

public class Pistons {
    public int count() {
        return 4;
    }
}
