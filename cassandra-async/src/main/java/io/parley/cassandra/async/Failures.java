package io.parley.cassandra.async;

import java.util.concurrent.CompletionException;

final class Failures {

    private Failures() {
    }

    /** Rethrows a stage's failure from inside another stage without wrapping it twice. */
    static RuntimeException propagate(Throwable failure) {
        return failure instanceof CompletionException completion ? completion : new CompletionException(failure);
    }
}
