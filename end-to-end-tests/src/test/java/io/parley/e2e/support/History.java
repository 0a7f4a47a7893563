package io.parley.e2e.support;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** chat-service's history REST API: the chat list and pages of a chat's messages. */
public final class History {

    /** One message of a history page. */
    public record StoredMessage(String messageId, long seq, String from, String clientMsgId, String body) {
    }

    /** A page, newest first, and whether there is more in its direction. */
    public record Page(List<StoredMessage> messages, boolean hasMore) {
    }

    /** A chat of the caller's chat list. */
    public record ChatSummary(String chat, long lastSeq, long readUpToSeq, long unreadCount) {
    }

    private final ParleySystem system;

    public History(ParleySystem system) {
        this.system = system;
    }

    public List<ChatSummary> chats(Accounts.SignedInDevice caller) {
        JsonNode list = Rest.get(system.chatServiceUri() + "/v1/chats", caller.accessToken()).expect(200).json();
        List<ChatSummary> chats = new ArrayList<>();
        for (JsonNode chat : list.get("chats")) {
            chats.add(new ChatSummary(chat.get("chat").asString(), chat.get("last_seq").asLong(),
                    chat.get("read_up_to_seq").asLong(), chat.get("unread_count").asLong()));
        }
        return chats;
    }

    public ChatSummary chat(Accounts.SignedInDevice caller, String chat) {
        return chats(caller).stream().filter(summary -> summary.chat().equals(chat)).findFirst().orElse(null);
    }

    /** A page of messages older than {@code beforeSeq} (null: the newest). */
    public Page before(Accounts.SignedInDevice caller, String chat, Long beforeSeq, int limit) {
        String query = "?limit=" + limit + (beforeSeq != null ? "&before=" + beforeSeq : "");
        JsonNode page = Rest.get(system.chatServiceUri() + "/v1/chats/" + chat + "/messages" + query,
                caller.accessToken()).expect(200).json();
        List<StoredMessage> messages = new ArrayList<>();
        for (JsonNode message : page.get("messages")) {
            messages.add(new StoredMessage(message.get("message_id").asString(), message.get("seq").asLong(),
                    message.get("from").asString(), message.get("client_msg_id").asString(),
                    message.get("body").asString()));
        }
        return new Page(messages, page.get("has_more").asBoolean());
    }

    /** Every message of a chat, oldest first, read page by page backwards. */
    public List<StoredMessage> all(Accounts.SignedInDevice caller, String chat) {
        List<StoredMessage> newestFirst = new ArrayList<>();
        Long before = null;
        Page page;
        do {
            page = before(caller, chat, before, 200);
            newestFirst.addAll(page.messages());
            before = page.messages().isEmpty() ? null : page.messages().get(page.messages().size() - 1).seq();
        } while (page.hasMore() && before != null);
        List<StoredMessage> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }
}
