package io.parley.architecture.planted.internals.violating.engine;

import io.parley.architecture.planted.internals.violating.engine.internal.Pistons;

public class Engine {
    public int cylinders() {
        return new Pistons().count();
    }
}
