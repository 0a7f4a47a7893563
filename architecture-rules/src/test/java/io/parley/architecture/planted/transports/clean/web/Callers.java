package io.parley.architecture.planted.transports.clean.web;

/** Request helpers every controller shares. */
public final class Callers {
    private Callers() {
    }

    public static String requireSelf(String caller, String owner) {
        if (!caller.equals(owner)) {
            throw new IllegalArgumentException("not yours");
        }
        return owner;
    }
}
