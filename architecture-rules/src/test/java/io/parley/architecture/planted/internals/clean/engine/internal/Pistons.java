package io.parley.architecture.planted.internals.clean.engine.internal;

public class Pistons {
    public int count() {
        return 4;
    }
}
