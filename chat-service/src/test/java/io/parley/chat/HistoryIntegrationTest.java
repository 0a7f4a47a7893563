package io.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.chat.chats.ChatId;
import io.parley.auth.fixtures.TestTokens;
import io.parley.testkit.ServiceRoutes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** History over REST: the caller's chat list, and pages of a chat newest first, for members only. */
class HistoryIntegrationTest extends ChatServiceIntegrationTest {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void pagingBackThroughAThousandMessagesFiftyAtATimeReturnsEachOnceInOrder() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        List<CompletableFuture<?>> produced = new ArrayList<>();
        long firstId = 5_000_000_000_000L + (System.nanoTime() % 1_000_000_000L) * 1_000;
        for (int i = 1; i <= 1000; i++) {
            produced.add(kafka.send(MESSAGES, chat.value(), submitted(Long.toString(firstId + i),
                    chat, i % 2 == 0 ? alice : bob, "h-" + i).toByteArray()));
        }
        CompletableFuture.allOf(produced.toArray(CompletableFuture[]::new)).join();
        String token = TestTokens.accessToken(bob, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(120)).until(() -> lastSeq(token, chat) == 1000);

        List<Long> seen = new ArrayList<>();
        List<String> clientIds = new ArrayList<>();
        String before = "";
        boolean hasMore = true;
        int pages = 0;
        while (hasMore) {
            Map<String, Object> page = get(token, "/v1/chats/" + chat.value() + "/messages?limit=50" + before);
            List<Map<String, Object>> messages = messages(page);
            messages.forEach(message -> {
                seen.add(((Number) message.get("seq")).longValue());
                clientIds.add((String) message.get("client_msg_id"));
            });
            hasMore = (Boolean) page.get("has_more");
            before = "&before=" + seen.get(seen.size() - 1);
            pages++;
        }

        assertThat(pages).isEqualTo(20);
        assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(1, 1000).map(i -> 1001 - i).boxed().toList());
        assertThat(clientIds.get(0)).isEqualTo("h-1000");
        assertThat(clientIds.get(999)).isEqualTo("h-1");

        List<Map<String, Object>> forward = messages(get(token, "/v1/chats/" + chat.value() + "/messages?after=990&limit=5"));
        assertThat(forward).extracting(message -> ((Number) message.get("seq")).longValue()).containsExactly(995L, 994L, 993L, 992L, 991L);
        List<Map<String, Object>> window = messages(get(token, "/v1/chats/" + chat.value() + "/messages?after=10&before=14"));
        assertThat(window).extracting(message -> ((Number) message.get("seq")).longValue()).containsExactly(13L, 12L, 11L);
    }

    @Test
    void theChatListShowsTheLastMessageAndUnreadCountsNewestActivityFirst() {
        String alice = newUser();
        String carol = newUser();
        String bob = newUser();
        send(alice, "phone", chatOf(alice, bob), "a-1", "from alice");
        send(alice, "phone", chatOf(alice, bob), "a-2", "alice again");
        awaitStored(chatOf(alice, bob), 2);
        send(carol, "phone", chatOf(carol, bob), "c-1", "from carol");
        awaitStored(chatOf(carol, bob), 1);
        String token = TestTokens.accessToken(bob, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> chats(token).size() == 2);
        List<Map<String, Object>> chats = chats(token);

        assertThat(chats).extracting(c -> c.get("chat")).containsExactly(chatOf(carol, bob).value(), chatOf(alice, bob).value());
        assertThat(chats).extracting(c -> ((Number) c.get("unread_count")).longValue()).containsExactly(1L, 2L);
        @SuppressWarnings("unchecked")
        Map<String, Object> last = (Map<String, Object>) chats.get(1).get("last_message");
        assertThat(last).containsEntry("body", "alice again").containsEntry("from", alice).containsEntry("seq", 2);
    }

    @Test
    void onlyMembersReadAChat() {
        ChatId chat = chatOf(newUser(), newUser());
        String outsider = TestTokens.accessToken(newUser(), UUID.randomUUID().toString());

        http.get().uri("/v1/chats/" + chat.value() + "/messages").headers(h -> h.setBearerAuth(outsider)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("NOT_A_MEMBER").jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.type").isEqualTo("urn:parley:problem:not-a-member");
    }

    /**
     * Each REST route and how another user's object is refused on it (the test that shows it), or why the route
     * names no object. Checked against the routes the running service maps, so a new endpoint needs its entry.
     */
    private static final Map<String, String> AUTHORIZATION = Map.of(
            "GET /v1/chats", "names no object: the caller's own chat list, from the access token",
            "GET /v1/chats/{chatId}/messages", "onlyMembersReadAChat: 403 not-a-member",
            "PUT /v1/chats/{chatId}/mute", "PushRulesIntegrationTest.onlyMembersMuteAChatAndABadDurationIsRefused: 403 not-a-member",
            "DELETE /v1/chats/{chatId}/mute", "PushRulesIntegrationTest.onlyMembersMuteAChatAndABadDurationIsRefused: 403 not-a-member",
            "GET /v1/chats/{chatId}/messages/{seq}/receipts",
            "GroupReceiptsIntegrationTest.theReadListOmitsPrivateReadersAndOnlyMembersAtThatSeqMayListIt: 403 not-a-member");

    @Test
    void everyRouteHasAnAuthorizationCase(@Autowired ApplicationContext context) {
        assertThat(ServiceRoutes.of(context)).containsExactlyInAnyOrderElementsOf(AUTHORIZATION.keySet());
    }

    @Test
    void malformedRequestsGetProblemDocuments() {
        String user = newUser();
        String token = TestTokens.accessToken(user, UUID.randomUUID().toString());

        http.get().uri("/v1/chats/d:zzz:aaa/messages").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("BAD_CHAT_ID");
        http.get().uri("/v1/chats/" + chatOf(user, newUser()).value() + "/messages?limit=0").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("BAD_CURSOR");
        http.get().uri("/v1/chats/" + chatOf(user, newUser()).value() + "/messages?before=abc").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST")
                .jsonPath("$.type").isEqualTo("urn:parley:problem:invalid-request");
    }

    @Test
    void historyNeedsAValidAccessToken() {
        http.get().uri("/v1/chats").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        http.get().uri("/v1/chats").headers(h -> h.setBearerAuth("not.a.token")).exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:parley:problem:unauthenticated");
    }

    private long lastSeq(String token, ChatId chat) {
        return chats(token).stream().filter(c -> chat.value().equals(c.get("chat")))
                .mapToLong(c -> ((Number) c.get("last_seq")).longValue()).findFirst().orElse(0);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> chats(String token) {
        return (List<Map<String, Object>>) get(token, "/v1/chats").get("chats");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> messages(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("messages");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String token, String uri) {
        WebTestClient.ResponseSpec response = http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
        return response.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }
}
