package io.parley.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class KeyedSequenceTest {

    private final KeyedSequence<String> sequence = new KeyedSequence<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void workForOneKeyWaitsForTheWorkBeforeIt() {
        Sinks.Empty<Void> firstDone = Sinks.empty();
        sequence.run("chat", () -> Mono.fromRunnable(() -> events.add("first started")).then(firstDone.asMono())).subscribe();
        sequence.run("chat", () -> Mono.fromRunnable(() -> events.add("second started"))).subscribe();

        assertThat(events).containsExactly("first started");
        firstDone.tryEmitEmpty();
        assertThat(events).containsExactly("first started", "second started");
    }

    @Test
    void workForAnotherKeyDoesNotWaitAndAFailureDoesNotBlockTheKey() {
        sequence.run("chat", () -> Mono.never()).subscribe();
        sequence.run("other", () -> Mono.fromRunnable(() -> events.add("other ran"))).block(Duration.ofSeconds(5));
        assertThat(events).containsExactly("other ran");

        sequence.run("failing", () -> Mono.error(new IllegalStateException("Cassandra down"))).onErrorComplete()
                .block(Duration.ofSeconds(5));
        sequence.run("failing", () -> Mono.fromRunnable(() -> events.add("after the failure"))).block(Duration.ofSeconds(5));
        assertThat(events).containsExactly("other ran", "after the failure");
    }
}
