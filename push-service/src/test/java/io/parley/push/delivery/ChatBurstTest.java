package io.parley.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.proto.chat.v1.ChatMessage;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.chat.v1.PushRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatBurstTest {

    private static PushRequest request(String user, String chat, String messageId, long seq) {
        return PushRequest.newBuilder().setUserId(user).setEntry(InboxEntry.newBuilder().setUserId(user)
                .setMessage(ChatMessage.newBuilder().setChatId(chat).setMessageId(messageId).setSeq(seq))).build();
    }

    @Test
    void manyMessagesOfOneChatBecomeOneNotificationOfTheNewestWithTheCount() {
        List<PushRequest> burst = List.of(request("bob", "chat-1", "m1", 1), request("bob", "chat-1", "m3", 3),
                request("bob", "chat-1", "m2", 2));

        assertThat(ChatBurst.of(burst)).containsExactly(new ChatBurst(burst.get(1), 3));
    }

    @Test
    void chatsAndUsersStayApartInTheOrderTheyCame() {
        PushRequest bobInChat1 = request("bob", "chat-1", "m1", 1);
        PushRequest bobInChat2 = request("bob", "chat-2", "m7", 7);
        PushRequest carolInChat1 = request("carol", "chat-1", "m1", 1);

        assertThat(ChatBurst.of(List.of(bobInChat1, bobInChat2, carolInChat1))).containsExactly(
                new ChatBurst(bobInChat1, 1), new ChatBurst(bobInChat2, 1), new ChatBurst(carolInChat1, 1));
    }

    @Test
    void aRequestProducedTwiceCountsOnce() {
        PushRequest request = request("bob", "chat-1", "m1", 1);

        assertThat(ChatBurst.of(List.of(request, request))).containsExactly(new ChatBurst(request, 1));
    }
}
