package io.parley.gateway.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class SendOrderTest {

    private final SendOrder order = new SendOrder();
    private final List<String> started = new CopyOnWriteArrayList<>();

    @Test
    void aSecondSendToTheSameChatStartsOnlyAfterTheFirstFinished() {
        Sinks.Empty<Void> first = Sinks.empty();
        order.inOrder("d:a:b", send("first", first)).subscribe();
        order.inOrder("d:a:b", send("second", Sinks.empty())).subscribe();

        assertThat(started).containsExactly("first");
        first.tryEmitEmpty();
        assertThat(started).containsExactly("first", "second");
    }

    @Test
    void sendsToOtherChatsDoNotWait() {
        order.inOrder("d:a:b", send("to b", Sinks.empty())).subscribe();
        order.inOrder("d:a:c", send("to c", Sinks.empty())).subscribe();

        assertThat(started).containsExactly("to b", "to c");
    }

    @Test
    void aFailedOrCancelledSendReleasesTheChatAndNothingIsKept() {
        order.inOrder("d:a:b", Mono.<Void>error(new IllegalStateException("chat-service down"))).subscribe(null, error -> { });
        Disposable cancelled = order.inOrder("d:a:b", send("cancelled", Sinks.empty())).subscribe();
        cancelled.dispose();
        order.inOrder("d:a:b", send("after", Sinks.empty())).subscribe();

        assertThat(started).containsExactly("cancelled", "after");
        assertThat(order.chatsInFlight()).isEqualTo(1);
    }

    private Mono<Void> send(String name, Sinks.Empty<Void> answer) {
        return Mono.defer(() -> {
            started.add(name);
            return answer.asMono();
        });
    }
}
