package io.parley.gateway.websocket;

import io.parley.gateway.connection.DeviceConnection;
import io.parley.gateway.device.ConnectedDevice;
import io.parley.gateway.metrics.GatewayMetrics;
import io.parley.gateway.presence.PresenceHandler;
import io.parley.gateway.receipts.ReceiptHandler;
import io.parley.gateway.registry.ConnectionRegistration;
import io.parley.gateway.send.SendHandler;
import io.parley.gateway.typing.OpenChatHandler;
import io.parley.gateway.typing.TypingHandler;
import io.parley.protocol.ClientFrame;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.FrameCodec;
import io.parley.protocol.FrameException;
import io.parley.protocol.ServerFrame;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Routes one decoded frame to what handles it. A frame that cannot be decoded is answered with an {@code error}
 * naming the problem; the connection stays usable.
 */
@Component
class FrameDispatcher {

    private final FrameCodec codec;
    private final SendHandler sends;
    private final ReceiptHandler receipts;
    private final ConnectionRegistration registration;
    private final TypingHandler typing;
    private final PresenceHandler presence;
    private final OpenChatHandler openChats;
    private final GatewayMetrics metrics;

    FrameDispatcher(FrameCodec codec, SendHandler sends, ReceiptHandler receipts, TypingHandler typing,
            PresenceHandler presence, OpenChatHandler openChats, ConnectionRegistration registration, GatewayMetrics metrics) {
        this.openChats = openChats;
        this.codec = codec;
        this.sends = sends;
        this.receipts = receipts;
        this.typing = typing;
        this.presence = presence;
        this.registration = registration;
        this.metrics = metrics;
    }

    Mono<Void> dispatch(ConnectedDevice device, String text) {
        DeviceConnection connection = device.connection();
        ClientFrame frame;
        try {
            frame = codec.decodeClientFrame(text);
        } catch (FrameException rejected) {
            metrics.frameIn("invalid");
            connection.offer(rejected.toErrorFrame());
            return Mono.empty();
        }
        metrics.frameIn(frame.type());
        if (frame instanceof ClientFrame.Send send) {
            return sends.handle(connection, device.sends(), send);
        }
        if (frame instanceof ClientFrame.Ack ack) {
            return receipts.ack(connection, device.receipts(), ack);
        }
        if (frame instanceof ClientFrame.Read read) {
            return receipts.read(connection, device.receipts(), read);
        }
        if (frame instanceof ClientFrame.Typing typingFrame) {
            return typing.handle(connection, device.typing(), typingFrame);
        }
        if (frame instanceof ClientFrame.SubscribePresence subscribe) {
            return presence.subscribe(device.presence(), subscribe);
        }
        if (frame instanceof ClientFrame.UnsubscribePresence unsubscribe) {
            return presence.unsubscribe(device.presence(), unsubscribe);
        }
        if (frame instanceof ClientFrame.OpenChat open) {
            return openChats.open(device.openChats(), device.typing(), open);
        }
        if (frame instanceof ClientFrame.CloseChat close) {
            return openChats.close(device.openChats(), close);
        }
        if (frame instanceof ClientFrame.Sync sync) {
            if (device.maySync()) {
                device.inbox().sync(sync.cursor());
            } else {
                connection.offer(new ServerFrame.Error(sync.ref(), ErrorCode.RATE_LIMITED,
                        "too many sync frames; the running sync continues", true));
            }
            return Mono.empty();
        }
        connection.offer(new ServerFrame.Pong(frame.ref()));
        registration.refreshIfDue(connection);
        return Mono.empty();
    }
}
