package io.parley.gateway.receipts;

import io.parley.gateway.chat.ChatErrors;
import io.parley.gateway.chat.ChatServiceClient;
import io.parley.gateway.connection.DeviceConnection;
import io.parley.protocol.ClientFrame;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code ack} (the device received its inbox up to a cursor: {@code delivered} receipts follow) and {@code read}
 * (the user read a chat up to a seq: {@code read} receipts follow) go to chat-service; only failures are answered.
 */
@Component
public class ReceiptHandler {

    private final ChatServiceClient chat;

    public ReceiptHandler(ChatServiceClient chat) {
        this.chat = chat;
    }

    public Mono<Void> ack(DeviceConnection connection, ClientFrame.Ack ack) {
        return answerFailure(connection, ack.ref(), chat.ackInbox(connection.identity(), ack.cursor()));
    }

    public Mono<Void> read(DeviceConnection connection, ClientFrame.Read read) {
        return answerFailure(connection, read.ref(), chat.markRead(connection.identity(), read.chat(), read.upToSeq()));
    }

    private static Mono<Void> answerFailure(DeviceConnection connection, String ref, Mono<?> call) {
        return call.then().onErrorResume(failure -> {
            connection.offer(ChatErrors.toErrorFrame(ref, failure));
            return Mono.empty();
        });
    }
}
