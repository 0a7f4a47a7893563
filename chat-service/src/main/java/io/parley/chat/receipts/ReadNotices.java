package io.parley.chat.receipts;

import io.micrometer.observation.Observation;
import io.parley.chat.kafka.KafkaSender;
import io.parley.proto.chat.v1.ChatRead;
import io.parley.proto.chat.v1.PushRequest;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells push-service that a user read a chat ({@code PushRequest.read} on {@code push-requests}, key user id, so it
 * follows the user's earlier push requests in order): the chat's notifications shown on the user's other devices
 * are stale and push-service clears them where the platform allows. Best effort: a lost notice leaves a stale
 * notification, never a wrong read state.
 */
final class ReadNotices {

    private static final Logger log = LoggerFactory.getLogger(ReadNotices.class);

    private final KafkaSender kafka;
    private final String topic;
    private final Clock clock;

    ReadNotices(KafkaSender kafka, String topic, Clock clock) {
        this.kafka = kafka;
        this.topic = topic;
        this.clock = clock;
    }

    CompletableFuture<Void> read(String userId, String deviceId, String chatId, long upToSeq, Observation parent) {
        PushRequest notice = PushRequest.newBuilder().setUserId(userId).setRequestedAtEpochMillis(clock.millis())
                .setRead(ChatRead.newBuilder().setChatId(chatId).setReadUpToSeq(upToSeq).setDeviceId(deviceId))
                .build();
        return kafka.send(topic, userId, notice.toByteArray(), parent)
                .handle((sent, failure) -> {
                    if (failure != null) {
                        log.warn("Read notice not produced chat_id={} seq={}: {}", chatId, upToSeq, failure.toString());
                    }
                    return null;
                });
    }
}
