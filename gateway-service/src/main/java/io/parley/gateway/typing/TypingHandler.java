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
 * {@code typing}: checked (rate, membership, blocks), then relayed to the other members' connected devices that have
 * the chat open; never stored, never pushed. Typing is best effort: when user-service or Redis fails, the frame is
 * dropped without an answer (the next {@code composing} comes within 3 s). Answered only by {@code error} for what
 * the sender can fix: its rate, a malformed chat, a chat it is not in, and, in a group chat, {@code unavailable}
 * when chat-service cannot say whether the sender is a member (membership fails closed).
 */
@Component
public class TypingHandler {

    private static final Logger log = LoggerFactory.getLogger(TypingHandler.class);

    private final Blocks blocks;
    private final ConnectionRegistry registry;
    private final TypingRelay relay;
    private final Memberships memberships;
    private final GroupTypingRelay groups;

    TypingHandler(Blocks blocks, ConnectionRegistry registry, TypingRelay relay, Memberships memberships,
            GroupTypingRelay groups) {
        this.blocks = blocks;
        this.registry = registry;
        this.relay = relay;
        this.memberships = memberships;
        this.groups = groups;
    }

    public Mono<Void> handle(DeviceConnection connection, DeviceTyping device, ClientFrame.Typing typing) {
        if (!device.tryAcquire()) {
            connection.offer(new ServerFrame.Error(typing.ref(), ErrorCode.RATE_LIMITED,
                    "too many typing frames; send the current state later", true));
            return Mono.empty();
        }
        if (GroupChat.isGroup(typing.chat())) {
            return group(connection, typing);
        }
        DirectChat chat;
        try {
            chat = DirectChat.parse(typing.chat());
        } catch (IllegalArgumentException malformed) {
            return invalidChat(connection, typing.ref(), malformed);
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

    /**
     * Group typing: the sender must be a member now (chat-service, cached), checked failing closed; then one PUBLISH
     * on the chat's channel, whatever the group's size.
     */
    private Mono<Void> group(DeviceConnection connection, ClientFrame.Typing typing) {
        String chat;
        try {
            chat = GroupChat.requireWellFormed(typing.chat());
        } catch (IllegalArgumentException malformed) {
            return invalidChat(connection, typing.ref(), malformed);
        }
        String sender = connection.identity().userId();
        return memberships.isMember(sender, chat)
                .onErrorMap(failure -> new MembershipUnavailable(failure))
                .flatMap(member -> member
                        ? groups.relay(chat, sender, typing.state())
                        : notAMember(connection, typing))
                .onErrorResume(failure -> {
                    if (failure instanceof MembershipUnavailable) {
                        log.debug("Cannot check {} in {}: {}", connection, chat, failure.getCause().toString());
                        connection.offer(unavailable(typing.ref()));
                    } else {
                        log.debug("Dropped typing of {} in {}: {}", connection, chat, failure.toString());
                    }
                    return Mono.empty();
                });
    }

    static ServerFrame.Error unavailable(String ref) {
        return new ServerFrame.Error(ref, ErrorCode.UNAVAILABLE, "chat membership cannot be checked now; send it later", true);
    }

    static Mono<Void> invalidChat(DeviceConnection connection, String ref, IllegalArgumentException malformed) {
        connection.offer(new ServerFrame.Error(ref, ErrorCode.INVALID_FIELD, "field 'chat' " + malformed.getMessage(), false));
        return Mono.empty();
    }

    /** chat-service could not answer: the decision fails closed. */
    private static final class MembershipUnavailable extends RuntimeException {
        MembershipUnavailable(Throwable cause) {
            super(cause);
        }
    }

    private static Mono<Void> notAMember(DeviceConnection connection, ClientFrame.Typing typing) {
        return notAMember(connection, typing.ref());
    }

    static Mono<Void> notAMember(DeviceConnection connection, String ref) {
        connection.offer(new ServerFrame.Error(ref, ErrorCode.NOT_A_MEMBER, "you are not a member of this chat", false));
        return Mono.empty();
    }
}
