package io.parley.architecture.planted.internals.violating.car;

import io.parley.architecture.planted.internals.violating.engine.internal.Pistons;

/** Reaches past the engine's API into its internal package. */
public class Car {
    public int pistons() {
        return new Pistons().count();
    }
}
