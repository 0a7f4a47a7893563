package io.parley.chat.send;

import io.micrometer.observation.Observation;
import io.parley.chat.error.ChatException;
import io.parley.proto.error.v1.ErrorReason;
import io.parley.chat.kafka.KafkaSender;
import io.parley.proto.chat.v1.MessageSubmitted;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Produces MessageSubmitted to topic {@code messages}, keyed by chat id (so one consumer sequences a chat),
 * and completes only once the broker acknowledged it with acks=all. Anything else, including no answer
 * within the producer's delivery timeout, fails with KAFKA_UNAVAILABLE.
 */
public final class MessageSubmitter {

    /** Beyond the producer's own delivery timeout, in case a send never completes at all. */
    private static final Duration GUARD = Duration.ofSeconds(2);

    private final KafkaSender kafka;
    private final String topic;
    private final Duration timeout;

    public MessageSubmitter(KafkaSender kafka, String topic, Duration kafkaTimeout) {
        this.kafka = kafka;
        this.topic = topic;
        this.timeout = kafkaTimeout.plus(GUARD);
    }

    public CompletableFuture<Void> submit(MessageSubmitted message, Observation parent) {
        return kafka.send(topic, message.getChatId(), message.toByteArray(), parent)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((metadata, failure) -> {
                    if (failure != null) {
                        throw new ChatException(ErrorReason.KAFKA_UNAVAILABLE,
                                "the message could not be stored; retry with the same client_msg_id",
                                Map.of(), failure);
                    }
                    return null;
                });
    }
}
