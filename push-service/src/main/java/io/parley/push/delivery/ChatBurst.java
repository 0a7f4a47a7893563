package io.parley.push.delivery;

import io.parley.proto.chat.v1.PushRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The push requests of one batch for one user and chat, pushed as one notification: the newest message, saying how
 * many new messages it stands for. A burst of messages in a chat costs one push per device per batch instead of
 * one per message; the same message twice in a batch (a producer retry) counts once.
 */
record ChatBurst(PushRequest newest, int messages) {

    /** One burst per user and chat, in the order the chats first appear; requests must carry message entries. */
    static List<ChatBurst> of(List<PushRequest> requests) {
        Map<String, List<PushRequest>> byUserAndChat = new LinkedHashMap<>();
        for (PushRequest request : requests) {
            byUserAndChat.computeIfAbsent(request.getUserId() + "/" + request.getEntry().getMessage().getChatId(),
                    key -> new ArrayList<>()).add(request);
        }
        List<ChatBurst> bursts = new ArrayList<>(byUserAndChat.size());
        for (List<PushRequest> chat : byUserAndChat.values()) {
            PushRequest newest = chat.get(0);
            Set<String> messageIds = new LinkedHashSet<>();
            for (PushRequest request : chat) {
                messageIds.add(request.getEntry().getMessage().getMessageId());
                if (request.getEntry().getMessage().getSeq() > newest.getEntry().getMessage().getSeq()) {
                    newest = request;
                }
            }
            bursts.add(new ChatBurst(newest, messageIds.size()));
        }
        return bursts;
    }
}
