package io.parley.architecture.planted.blocking.violating;

import java.util.List;
import reactor.core.publisher.Flux;

public class Feed {
    public Flux<String> items() {
        return Flux.just("a", "b");
    }

    public List<String> firstAndLast() {
        return List.of(items().blockFirst(), items().map(item -> item).blockLast());
    }
}
