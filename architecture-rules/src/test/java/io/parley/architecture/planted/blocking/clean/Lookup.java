package io.parley.architecture.planted.blocking.clean;

import reactor.core.publisher.Mono;

public class Lookup {
    public Mono<String> find(String id) {
        return Mono.just(id);
    }

    public Mono<Integer> length(String id) {
        return find(id).map(String::length);
    }
}
