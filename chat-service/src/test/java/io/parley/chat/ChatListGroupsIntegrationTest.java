package io.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.parley.auth.fixtures.TestTokens;
import io.parley.proto.chat.v1.MembershipChange;
import io.parley.proto.chat.v1.MembershipCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The chat list shows group chats with the name and avatar their info-change system messages set, their last message
 * and an unread count that starts at the member's joining; one call lists hundreds of groups.
 */
class ChatListGroupsIntegrationTest extends ChatServiceIntegrationTest {

    private static final String AVATAR = "0b7d1c6e-8d1a-4c3e-9f2b-5a6d7e8f9a0b";

    @Test
    void aGroupIsListedWithItsCurrentNameAndALaterMemberCountsUnreadFromTheirJoining() {
        String chatId = "g:" + UUID.randomUUID();
        String alice = newUser();
        String bob = newUser();
        create(chatId, alice, "Hikers", bob);
        changeGroup(chatId, alice, MembershipCommand.newBuilder().setChange(MembershipChange.INFO_CHANGED)
                .setDetails(ByteString.copyFromUtf8("{\"name\":\"Climbers\",\"description\":\"\",\"avatar_media_id\":\"" + AVATAR + "\"}")));
        String carol = newUser();
        changeGroup(chatId, alice, MembershipCommand.newBuilder().setChange(MembershipChange.ADDED).addTargetUserIds(carol));
        awaitInbox(carol, 1);

        Map<?, ?> bobs = group(list(bob), chatId);
        assertThat(bobs.get("group")).isEqualTo(Map.of("name", "Climbers", "avatar_media_id", AVATAR));
        assertThat(bobs.get("unread_count")).isEqualTo(3);
        Map<?, ?> carols = group(list(carol), chatId);
        assertThat(carols.get("group")).isEqualTo(Map.of("name", "Climbers", "avatar_media_id", AVATAR));
        assertThat(carols.get("unread_count")).isEqualTo(1);
        assertThat(((Map<?, ?>) carols.get("last_message")).get("content_type")).isEqualTo("application/vnd.parley.group-event+json");
    }

    /** Prints the time of one chat-list call for a user in 500 groups; asserts only that all are there. */
    @Test
    @Timeout(900)
    void aUserInFiveHundredGroupsGetsTheirChatListInOneCall() throws Exception {
        String user = newUser();
        List<String> chats = new ArrayList<>();
        ExecutorService creators = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Void>> created = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                String chatId = "g:" + UUID.randomUUID();
                String name = "Group " + i;
                chats.add(chatId);
                created.add(CompletableFuture.runAsync(() -> create(chatId, newUser(), name, user), creators));
            }
            CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).join();
        } finally {
            creators.shutdown();
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> list(user).size() == 500);

        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            List<Map<?, ?>> listed = list(user);
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(listed).hasSize(500).allSatisfy(chat -> assertThat(((Map<?, ?>) chat.get("group")).get("name")).isNotNull());
        }
        System.out.printf("chat-list-500-groups: one GET /v1/chats of 500 group chats took %s ms (5 calls, after warm-up)%n", millis);
    }

    private void create(String chatId, String creator, String name, String... members) {
        changeGroup(chatId, creator, MembershipCommand.newBuilder().setChange(MembershipChange.CREATED)
                .addAllTargetUserIds(List.of(members)).setDetails(ByteString.copyFromUtf8("{\"name\":\"" + name + "\"}")));
    }

    @SuppressWarnings("unchecked")
    private List<Map<?, ?>> list(String user) {
        // No speed is asserted: on a loaded machine a call may take longer than WebTestClient's 5 s default.
        WebTestClient client = http.mutate().responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
        Map<?, ?> body = client.get().uri("/v1/chats")
                .headers(h -> h.setBearerAuth(TestTokens.accessToken(user, UUID.randomUUID().toString()))).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<?, ?>>) body.get("chats");
    }

    private static Map<?, ?> group(List<Map<?, ?>> chats, String chatId) {
        return chats.stream().filter(chat -> chatId.equals(chat.get("chat"))).findFirst().orElseThrow();
    }
}
