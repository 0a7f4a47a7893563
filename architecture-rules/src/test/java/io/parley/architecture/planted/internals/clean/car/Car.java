package io.parley.architecture.planted.internals.clean.car;

import io.parley.architecture.planted.internals.clean.engine.Engine;

public class Car {
    public int cylinders() {
        return new Engine().cylinders();
    }
}
