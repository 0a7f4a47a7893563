package io.parley.gateway.receipts;

import io.parley.gateway.chat.ChatErrors;
import io.parley.gateway.chat.ChatServiceClient;
import io.parley.gateway.connection.DeviceConnection;
import io.parley.protocol.ClientFrame;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.ServerFrame;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * {@code ack} (the device received its inbox up to a cursor: {@code delivered} receipts follow) and {@code read}
 * (the user read a chat up to a seq: {@code read} receipts follow) go to chat-service; only failures are answered.
 * Each AckInbox call costs chat-service several storage reads and writes, so acks are coalesced ({@link PendingAcks}):
 * after a short linger, one call per connection at a time carries the highest cursor. {@code read} frames beyond
 * the connection's rate are refused with {@code rate_limited}.
 */
@Component
public class ReceiptHandler {

    private final ChatServiceClient chat;
    private final ReceiptSettings settings;
    private final Scheduler scheduler = Schedulers.parallel();

    public ReceiptHandler(ChatServiceClient chat, ReceiptSettings settings) {
        this.chat = chat;
        this.settings = settings;
    }

    public Mono<Void> ack(DeviceConnection connection, DeviceReceipts receipts, ClientFrame.Ack ack) {
        PendingAcks acks = receipts.acks();
        if (acks.raise(ack.cursor(), ack.ref())) {
            callAckAfter(connection, acks, settings.ackLinger().toMillis());
        }
        return Mono.empty();
    }

    public Mono<Void> read(DeviceConnection connection, DeviceReceipts receipts, ClientFrame.Read read) {
        if (!receipts.reads().tryAcquire()) {
            connection.offer(new ServerFrame.Error(read.ref(), ErrorCode.RATE_LIMITED,
                    "too many read frames; send the latest one later", true));
            return Mono.empty();
        }
        return chat.markRead(connection.identity(), read.chat(), read.upToSeq()).then()
                .onErrorResume(failure -> {
                    connection.offer(ChatErrors.toErrorFrame(read.ref(), failure));
                    return Mono.empty();
                });
    }

    private void callAckAfter(DeviceConnection connection, PendingAcks acks, long delayMillis) {
        if (delayMillis <= 0) {
            callAck(connection, acks);
        } else {
            scheduler.schedule(() -> callAck(connection, acks), delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void callAck(DeviceConnection connection, PendingAcks acks) {
        long wait = acks.millisUntilCall();
        if (wait > 0) {
            scheduler.schedule(() -> callAck(connection, acks), wait, TimeUnit.MILLISECONDS);
            return;
        }
        long cursor = acks.take();
        if (cursor == PendingAcks.NONE) {
            return;
        }
        String ref = acks.inFlightRef();
        chat.ackInbox(connection.identity(), cursor).subscribe(
                accepted -> ackFinished(connection, acks, true),
                failure -> {
                    connection.offer(ChatErrors.toErrorFrame(ref, failure));
                    ackFinished(connection, acks, false);
                });
    }

    private void ackFinished(DeviceConnection connection, PendingAcks acks, boolean accepted) {
        if (acks.finished(accepted)) {
            callAck(connection, acks);
        }
    }
}
