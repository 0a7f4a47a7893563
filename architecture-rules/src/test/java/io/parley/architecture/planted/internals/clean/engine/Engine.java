package io.parley.architecture.planted.internals.clean.engine;

import io.parley.architecture.planted.internals.clean.engine.internal.Pistons;

public class Engine {
    public int cylinders() {
        return new Pistons().count();
    }
}
