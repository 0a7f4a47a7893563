package io.parley.gateway.typing;

import io.parley.gateway.connection.DeviceConnection;
import io.parley.protocol.ClientFrame;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.Protocol;
import io.parley.protocol.ServerFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code open_chat} and {@code close_chat}: which chats a connection shows, so that it receives typing there. Only a
 * member may open a chat: a 1:1 chat's id says who is in it; a group chat is checked with chat-service (cached, failing
 * closed with {@code unavailable}) and, as it costs that check, shares the connection's typing rate limit. Answered
 * only by {@code error}.
 */
@Component
public class OpenChatHandler {

    private static final Logger log = LoggerFactory.getLogger(OpenChatHandler.class);

    private final Memberships memberships;
    private final GroupTypingRelay groups;

    OpenChatHandler(Memberships memberships, GroupTypingRelay groups) {
        this.memberships = memberships;
        this.groups = groups;
    }

    public Mono<Void> open(OpenChats chats, DeviceTyping device, ClientFrame.OpenChat open) {
        DeviceConnection connection = chats.connection();
        String user = connection.identity().userId();
        String chat = open.chat();
        try {
            if (!GroupChat.isGroup(chat)) {
                if (DirectChat.parse(chat).otherThan(user).isEmpty()) {
                    return TypingHandler.notAMember(connection, open.ref());
                }
                if (ask(chats, open)) {
                    chats.open(chat);
                }
                return Mono.empty();
            }
            GroupChat.requireWellFormed(chat);
        } catch (IllegalArgumentException malformed) {
            return TypingHandler.invalidChat(connection, open.ref(), malformed);
        }
        if (!device.tryAcquire()) {
            connection.offer(new ServerFrame.Error(open.ref(), ErrorCode.RATE_LIMITED,
                    "too many open_chat and typing frames; open the chat again later", true));
            return Mono.empty();
        }
        if (!ask(chats, open)) {
            return Mono.empty();
        }
        return memberships.isMember(user, chat)
                .flatMap(member -> {
                    if (!member) {
                        chats.close(chat);
                        return TypingHandler.notAMember(connection, open.ref());
                    }
                    chats.open(chat);
                    return groups.ready(chat);
                })
                .onErrorResume(failure -> {
                    log.debug("Cannot check {} in {}: {}", connection, chat, failure.toString());
                    chats.abandon(chat);
                    connection.offer(TypingHandler.unavailable(open.ref()));
                    return Mono.empty();
                });
    }

    public Mono<Void> close(OpenChats chats, ClientFrame.CloseChat close) {
        chats.close(close.chat());
        return Mono.empty();
    }

    private static boolean ask(OpenChats chats, ClientFrame.OpenChat open) {
        if (chats.ask(open.chat())) {
            return true;
        }
        chats.connection().offer(new ServerFrame.Error(open.ref(), ErrorCode.INVALID_FIELD,
                "a connection has at most " + Protocol.MAX_OPEN_CHATS + " chats open; close some first", false));
        return false;
    }
}
