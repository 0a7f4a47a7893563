package io.parley.gateway.typing;

import io.parley.gateway.connection.DeviceConnection;
import io.parley.protocol.Protocol;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chats one connection has open ({@code open_chat}): it receives typing there. Capped at
 * {@link Protocol#MAX_OPEN_CHATS}; emptied when the connection ends. A group chat is asked for first and open once its
 * membership check passed, so a {@code close_chat} that arrives meanwhile wins over the check's late answer.
 */
public final class OpenChats {

    private final DeviceConnection connection;
    private final ChatOpeners index;
    /** Chat → open (true) or asked for, its membership being checked (false). */
    private final Map<String, Boolean> chats = new HashMap<>();

    OpenChats(DeviceConnection connection, ChatOpeners index) {
        this.connection = connection;
        this.index = index;
    }

    public DeviceConnection connection() {
        return connection;
    }

    String userId() {
        return connection.identity().userId();
    }

    /** Asks for {@code chat}; false, asking nothing, if that would exceed the cap. */
    synchronized boolean ask(String chat) {
        if (!chats.containsKey(chat) && chats.size() >= Protocol.MAX_OPEN_CHATS) {
            return false;
        }
        chats.putIfAbsent(chat, false);
        return true;
    }

    /** Opens {@code chat} if it is still asked for (not closed meanwhile, nor the connection ended). */
    synchronized void open(String chat) {
        if (chats.replace(chat, false, true)) {
            index.add(chat, this);
        }
    }

    /** Forgets {@code chat} if it is only asked for: its membership check failed. */
    synchronized void abandon(String chat) {
        chats.remove(chat, false);
    }

    synchronized void close(String chat) {
        if (Boolean.TRUE.equals(chats.remove(chat))) {
            index.remove(chat, this);
        }
    }

    /** Closes every chat: the connection is ending. */
    public synchronized void closeAll() {
        List.copyOf(chats.keySet()).forEach(this::close);
    }
}
