package io.parley.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.presence.support.PresenceServiceIntegrationTest;
import io.parley.auth.fixtures.TestTokens;
import io.parley.proto.presence.v1.Connection;
import io.parley.proto.presence.v1.GetPresenceRequest;
import io.parley.proto.presence.v1.ReportRequest;
import io.parley.proto.presence.v1.UserPresence;
import io.parley.proto.user.v1.LastSeenVisibility;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Gateways' reports in, privacy-filtered presence out, over gRPC and REST; last seen survives Redis losing it. */
class PresenceIntegrationTest extends PresenceServiceIntegrationTest {

    @Autowired
    WebTestClient http;
    @Autowired
    ReactiveStringRedisTemplate redis;

    private final String alice = newId();
    private final String bob = newId();

    @Test
    void aUserIsOnlineWhileConnectedThenOfflineWithALastSeenThatOutlivesRedis() {
        Connection phone = connection(alice);
        report("gw-a", List.of(phone), List.of(), true);
        assertThat(presenceOf(bob, alice)).satisfies(seen -> {
            assertThat(seen.getVisible()).isTrue();
            assertThat(seen.getOnline()).isTrue();
        });

        long closedAt = System.currentTimeMillis();
        report("gw-a", List.of(), List.of(phone), false);
        UserPresence offline = await().atMost(Duration.ofSeconds(10))
                .until(() -> presenceOf(bob, alice), seen -> !seen.getOnline());
        assertThat(offline.getLastSeenEpochMillis()).isGreaterThanOrEqualTo(closedAt - 1_000);

        redis.delete("parley:presence:{" + alice + "}:state").block(Duration.ofSeconds(5));
        assertThat(presenceOf(bob, alice).getLastSeenEpochMillis()).isEqualTo(offline.getLastSeenEpochMillis());
    }

    @Test
    void aGatewayThatStopsReportingTakesItsDevicesOffline() {
        report("gw-dying", List.of(connection(alice)), List.of(), true, Duration.ofSeconds(1));
        assertThat(presenceOf(bob, alice).getOnline()).isTrue();

        // The bound: liveness TTL (1 s) + grace (1 s) + sweep interval (0.1 s), plus a busy machine's slack.
        await().atMost(Duration.ofSeconds(15)).until(() -> !presenceOf(bob, alice).getOnline());
    }

    @Test
    void aGatewayUnknownToPresenceIsAskedForEverything() {
        String gateway = "gw-" + newId();
        assertThat(report(gateway, List.of(connection(alice)), List.of(), false)).isTrue();
        assertThat(report(gateway, List.of(connection(alice)), List.of(), true)).isFalse();
        assertThat(report(gateway, List.of(), List.of(), false)).isFalse();
    }

    @Test
    void privacySettingsBlocksAndContactsDecideWhoSeesPresence() {
        String everyone = online(LastSeenVisibility.LAST_SEEN_VISIBILITY_EVERYONE);
        String contactsOnly = online(LastSeenVisibility.LAST_SEEN_VISIBILITY_CONTACTS);
        String nobody = online(LastSeenVisibility.LAST_SEEN_VISIBILITY_NOBODY);
        String blocker = online(LastSeenVisibility.LAST_SEEN_VISIBILITY_EVERYONE);
        String friend = newId();
        String hiding = newId();
        DIRECTORY.addContact(contactsOnly, friend);
        DIRECTORY.block(blocker, bob);
        DIRECTORY.lastSeen(hiding, LastSeenVisibility.LAST_SEEN_VISIBILITY_NOBODY);

        assertThat(visibility(bob, everyone, contactsOnly, nobody, blocker))
                .isEqualTo(Map.of(everyone, true, contactsOnly, false, nobody, false, blocker, false));
        assertThat(visibility(friend, contactsOnly)).isEqualTo(Map.of(contactsOnly, true));
        assertThat(visibility(hiding, everyone, hiding)).isEqualTo(Map.of(everyone, false, hiding, true));
        assertThat(presenceOf(bob, nobody)).isEqualTo(UserPresence.newBuilder().setUserId(nobody).build());
    }

    @Test
    void restListsOnlyTheUsersTheCallerMaySee() {
        String visible = online(LastSeenVisibility.LAST_SEEN_VISIBILITY_EVERYONE);
        String hidden = online(LastSeenVisibility.LAST_SEEN_VISIBILITY_NOBODY);

        Map<String, Object> body = http.get().uri("/v1/presence?users={a},{b}", visible, hidden)
                .header("Authorization", "Bearer " + TestTokens.accessToken(bob, newId()))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();

        assertThat(body).isEqualTo(Map.of("users", List.of(Map.of("user", visible, "online", true))));
    }

    @Test
    void restRefusesAnonymousCallersAndTooManyUsers() {
        http.get().uri("/v1/presence?users={a}", alice).exchange().expectStatus().isUnauthorized();

        String tooMany = IntStream.rangeClosed(0, 256).mapToObj(i -> newId()).collect(Collectors.joining(","));
        http.get().uri("/v1/presence?users={users}", tooMany)
                .header("Authorization", "Bearer " + TestTokens.accessToken(bob, newId()))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST");
    }

    private String online(LastSeenVisibility visibility) {
        String user = newId();
        DIRECTORY.lastSeen(user, visibility);
        report("gw-a", List.of(connection(user)), List.of(), false);
        return user;
    }

    private Map<String, Boolean> visibility(String viewer, String... users) {
        return presence().getPresence(GetPresenceRequest.newBuilder().setViewerUserId(viewer).addAllUserIds(List.of(users)).build())
                .getUsersList().stream().collect(Collectors.toMap(UserPresence::getUserId, UserPresence::getVisible));
    }

    private UserPresence presenceOf(String viewer, String user) {
        return presence().getPresence(GetPresenceRequest.newBuilder().setViewerUserId(viewer).addUserIds(user).build())
                .getUsers(0);
    }

    private boolean report(String gateway, List<Connection> opened, List<Connection> closed, boolean complete) {
        return report(gateway, opened, closed, complete, Duration.ofSeconds(30));
    }

    private boolean report(String gateway, List<Connection> opened, List<Connection> closed, boolean complete, Duration ttl) {
        return presence().report(ReportRequest.newBuilder().setGatewayId(gateway).addAllOpened(opened).addAllClosed(closed)
                .setComplete(complete).setLivenessTtlMillis(ttl.toMillis()).build()).getResendAll();
    }

    private static Connection connection(String user) {
        return Connection.newBuilder().setUserId(user).setDeviceId(newId()).setConnectionId(newId()).build();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
