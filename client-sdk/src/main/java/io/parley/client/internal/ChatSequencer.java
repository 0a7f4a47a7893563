package io.parley.client.internal;

import io.parley.protocol.ServerFrame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts each chat's messages in seq order and finds gaps. A message whose seq is the next expected one is released
 * at once (with any held-back messages it unblocks); one beyond it is held back until the missing seqs arrive or
 * the gap timeout passes, after which the gap is reported and the held-back messages are released. A chat seen
 * for the first time starts at whatever seq arrives first, unless its last known seq was given. Not thread-safe:
 * the client's event thread owns it.
 */
public final class ChatSequencer {

    /** What the sequencer releases and the gaps it gave up on. */
    public record Released(List<ServerFrame.Message> messages, List<Gap> gaps) {
    }

    public record Gap(String chat, long fromSeq, long toSeq) {
    }

    private static final class ChatState {
        long lastSeq;
        final TreeMap<Long, ServerFrame.Message> heldBack = new TreeMap<>();
        long gapSinceMillis;

        ChatState(long lastSeq) {
            this.lastSeq = lastSeq;
        }
    }

    private final Map<String, ChatState> chats = new HashMap<>();
    private final long gapTimeoutMillis;

    public ChatSequencer(long gapTimeoutMillis) {
        this.gapTimeoutMillis = gapTimeoutMillis;
    }

    /** The app knows it has every message of {@code chat} up to {@code seq} (e.g. from its own storage). */
    public void knownUpTo(String chat, long seq) {
        ChatState state = chats.computeIfAbsent(chat, ignored -> new ChatState(seq));
        state.lastSeq = Math.max(state.lastSeq, seq);
    }

    /** The last seq released for a chat, or 0. */
    public long lastSeq(String chat) {
        ChatState state = chats.get(chat);
        return state != null ? state.lastSeq : 0;
    }

    /** Accepts a message; returns the messages now in order (possibly none), oldest first. */
    public List<ServerFrame.Message> accept(ServerFrame.Message message, long nowMillis) {
        ChatState state = chats.get(message.chat());
        if (state == null) {
            chats.put(message.chat(), new ChatState(message.seq()));
            return List.of(message);
        }
        if (message.seq() <= state.lastSeq) {
            return List.of();
        }
        if (message.seq() > state.lastSeq + 1) {
            if (state.heldBack.isEmpty()) {
                state.gapSinceMillis = nowMillis;
            }
            state.heldBack.putIfAbsent(message.seq(), message);
            return List.of();
        }
        List<ServerFrame.Message> released = new ArrayList<>(1 + state.heldBack.size());
        released.add(message);
        state.lastSeq = message.seq();
        releaseContiguous(state, released);
        if (!state.heldBack.isEmpty()) {
            state.gapSinceMillis = nowMillis;
        }
        return released;
    }

    /** Gives up on gaps older than the timeout: reports them and releases what waited behind them. */
    public Released expireGaps(long nowMillis) {
        List<ServerFrame.Message> released = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        for (Map.Entry<String, ChatState> chat : chats.entrySet()) {
            ChatState state = chat.getValue();
            while (!state.heldBack.isEmpty() && nowMillis - state.gapSinceMillis >= gapTimeoutMillis) {
                long next = state.heldBack.firstKey();
                gaps.add(new Gap(chat.getKey(), state.lastSeq + 1, next - 1));
                state.lastSeq = next - 1;
                releaseContiguous(state, released);
            }
        }
        return new Released(released, gaps);
    }

    /** Whether any chat holds messages back behind a gap. */
    public boolean hasGaps() {
        return chats.values().stream().anyMatch(state -> !state.heldBack.isEmpty());
    }

    private static void releaseContiguous(ChatState state, List<ServerFrame.Message> released) {
        while (!state.heldBack.isEmpty() && state.heldBack.firstKey() == state.lastSeq + 1) {
            ServerFrame.Message next = state.heldBack.pollFirstEntry().getValue();
            released.add(next);
            state.lastSeq = next.seq();
        }
    }
}
