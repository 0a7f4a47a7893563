package io.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.parley.chat.chats.ChatId;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.chat.v1.SendResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** With Kafka down a send is refused as retriable, never acknowledged; the retry after Kafka returns makes ONE message. */
class KafkaOutageIntegrationTest extends ChatServiceIntegrationTest {

    @Test
    void aSendWhileKafkaIsDownIsUnavailableAndItsRetryMakesExactlyOneMessage() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        send(alice, "phone", chat, "before", "kafka is up");
        awaitStored(chat, 1);

        KAFKA.server().stop();
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> send(alice, "phone", chat, "during", "kafka is down"))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
                        assertThat(errorInfo(e).getReason()).isEqualTo("KAFKA_UNAVAILABLE");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThanOrEqualTo(Duration.ofSeconds(10));
        } finally {
            KAFKA.server().start();
        }

        AtomicReference<SendResponse> retried = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    retried.set(send(alice, "phone", chat, "during", "kafka is down"));
                    return true;
                });

        awaitStored(chat, 2);
        send(alice, "phone", chat, "after", "kafka is back");
        awaitStored(chat, 3);
        assertThat(storedSeqs(chat)).containsExactly(1L, 2L, 3L);
        List<InboxEntry> bobs = awaitInbox(bob, 3);
        assertThat(bobs).extracting(entry -> entry.getMessage().getClientMsgId()).containsExactly("before", "during", "after");
        assertThat(bobs.get(1).getMessage().getMessageId()).isEqualTo(retried.get().getMessageId());
    }
}
