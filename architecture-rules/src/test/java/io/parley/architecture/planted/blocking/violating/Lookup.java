package io.parley.architecture.planted.blocking.violating;

import reactor.core.publisher.Mono;

public class Lookup {
    public Mono<String> find(String id) {
        return Mono.just(id);
    }

    public String findNow(String id) {
        return find(id).block();
    }
}
