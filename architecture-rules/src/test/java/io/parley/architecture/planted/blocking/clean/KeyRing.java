package io.parley.architecture.planted.blocking.clean;

import reactor.core.publisher.Mono;

/** Waits for its first key while the application starts, on the start-up thread. */
public class KeyRing {
    private String current;

    public Mono<String> currentKey() {
        return Mono.justOrEmpty(current);
    }

    public void afterPropertiesSet() {
        current = Mono.just("key-1").block();
    }
}
