package io.parley.gateway.typing;

import io.parley.gateway.connection.DeviceConnection;
import io.parley.gateway.index.LocalIndex;
import java.util.Collection;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * This gateway's index of open chats: for each, the connections that have it open. Typing in a chat is then one
 * lookup here, however many connections this gateway holds. The first opener of a group chat starts this gateway's
 * subscription to the chat's typing channel, the last one ends it ({@link GroupTypingRelay}).
 */
@Component
public class ChatOpeners {

    private final LocalIndex<OpenChats> byChat = new LocalIndex<>();

    void onFirstAndLastOpener(Consumer<String> first, Consumer<String> last) {
        byChat.onFirstAndLast(first, last);
    }

    /** The open chats of one connection, to be closed with it. */
    public OpenChats newOpenChats(DeviceConnection connection) {
        return new OpenChats(connection, this);
    }

    void add(String chat, OpenChats openChats) {
        byChat.add(chat, openChats);
    }

    void remove(String chat, OpenChats openChats) {
        byChat.remove(chat, openChats);
    }

    Collection<OpenChats> of(String chat) {
        return byChat.of(chat);
    }

    /** How many connections here have {@code chat} open. */
    public int openers(String chat) {
        return byChat.of(chat).size();
    }

    /** How many distinct chats this gateway's connections have open. */
    public int openChats() {
        return byChat.keys();
    }
}
