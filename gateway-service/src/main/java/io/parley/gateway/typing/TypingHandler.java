package io.parley.gateway.typing;

import io.parley.connections.ConnectionRegistry;
import io.parley.gateway.connection.DeviceConnection;
import io.parley.protocol.ClientFrame;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.ServerFrame;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code typing}: checked (rate, membership, blocks), then relayed to the other member's connected devices that have
 * the chat open; never stored, never pushed. Typing is best effort: when user-service or Redis fails, the frame is
 * dropped without an answer (the next {@code composing} comes within 3 s). Answered only by {@code error} for what
 * the sender can fix: its rate, a malformed chat, a chat it is not in.
 */
@Component
public class TypingHandler {

    private static final Logger log = LoggerFactory.getLogger(TypingHandler.class);

    private final Blocks blocks;
    private final ConnectionRegistry registry;
    private final TypingRelay relay;

    TypingHandler(Blocks blocks, ConnectionRegistry registry, TypingRelay relay) {
        this.blocks = blocks;
        this.registry = registry;
        this.relay = relay;
    }

    public Mono<Void> handle(DeviceConnection connection, DeviceTyping device, ClientFrame.Typing typing) {
        if (!device.tryAcquire()) {
            connection.offer(new ServerFrame.Error(typing.ref(), ErrorCode.RATE_LIMITED,
                    "too many typing frames; send the current state later", true));
            return Mono.empty();
        }
        DirectChat chat;
        try {
            chat = DirectChat.parse(typing.chat());
        } catch (IllegalArgumentException malformed) {
            connection.offer(new ServerFrame.Error(typing.ref(), ErrorCode.INVALID_FIELD,
                    "field 'chat' " + malformed.getMessage(), false));
            return Mono.empty();
        }
        String sender = connection.identity().userId();
        Optional<String> other = chat.otherThan(sender);
        if (other.isEmpty()) {
            return notAMember(connection, typing);
        }
        return blocks.reach(sender, other.get())
                .flatMap(reach -> switch (reach) {
                    case OPEN -> registry.onlineDevices(other.get()).collectList()
                            .filter(receivers -> !receivers.isEmpty())
                            .flatMap(receivers -> relay.relay(chat.value(), sender, typing.state(), receivers));
                    case BLOCKED -> Mono.<Void>empty();
                    case UNKNOWN_USER -> notAMember(connection, typing);
                })
                .onErrorResume(failure -> {
                    log.debug("Dropped typing of {} in {}: {}", connection, chat.value(), failure.toString());
                    return Mono.empty();
                });
    }

    private static Mono<Void> notAMember(DeviceConnection connection, ClientFrame.Typing typing) {
        connection.offer(new ServerFrame.Error(typing.ref(), ErrorCode.NOT_A_MEMBER, "you are not a member of this chat",
                false));
        return Mono.empty();
    }
}
