package io.parley.gateway.send;

import io.parley.gateway.chat.ChatErrors;
import io.parley.gateway.chat.ChatServiceClient;
import io.parley.gateway.connection.DeviceConnection;
import io.parley.gateway.metrics.GatewayMetrics;
import io.parley.protocol.ClientFrame;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.ServerFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code send} → chat-service Send → {@code sent} (only once chat-service answered, i.e. the message is durable)
 * or {@code error}. The device's rate limit is checked first; a limited send is answered, not dropped. A device's
 * sends to one chat go to chat-service one at a time ({@link SendOrder}), so they are sequenced as sent.
 */
@Component
public class SendHandler {

    private static final Logger log = LoggerFactory.getLogger(SendHandler.class);

    private final ChatServiceClient chat;
    private final GatewayMetrics metrics;

    public SendHandler(ChatServiceClient chat, GatewayMetrics metrics) {
        this.chat = chat;
        this.metrics = metrics;
    }

    public Mono<Void> handle(DeviceConnection connection, DeviceSends sends, ClientFrame.Send send) {
        if (!sends.tryAcquireSend()) {
            connection.offer(new ServerFrame.Error(send.ref(), ErrorCode.RATE_LIMITED,
                    "too many messages; resend later under the same client_msg_id", true));
            return Mono.empty();
        }
        long started = System.nanoTime();
        return sends.order().inOrder(send.chat(), chat.send(connection.identity(), send)
                .map(accepted -> (ServerFrame) new ServerFrame.Sent(send.ref(), send.clientMsgId(), accepted.getMessageId()))
                .onErrorResume(failure -> {
                    log.debug("Send {} of {} failed: {}", send.clientMsgId(), connection, failure.toString());
                    return Mono.just(ChatErrors.toErrorFrame(send.ref(), failure));
                })
                .doOnNext(answer -> {
                    metrics.sendAnswered(started, System.nanoTime());
                    connection.offer(answer);
                })
                .then());
    }
}
