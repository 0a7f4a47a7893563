package io.parley.architecture.planted.blocking.clean;

import reactor.core.publisher.Mono;

/** Returns no Mono or Flux and is no web code: it runs on its own thread, so it may wait. */
public class BatchJob {
    public String run() {
        return Mono.just("done").block();
    }
}
