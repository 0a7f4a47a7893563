package io.parley.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.parley.proto.user.v1.DeviceRevoked;
import io.parley.proto.user.v1.UserEvent;
import io.parley.user.support.Api;
import io.parley.user.support.ConcurrentRequests;
import io.parley.user.support.Session;
import io.parley.user.support.UserEvents;
import io.parley.user.support.UserServiceIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class LoginAndRefreshTest extends UserServiceIntegrationTest {

    @Test
    void loginReturnsAnEs256AccessTokenNamingUserAndDevice() throws Exception {
        String username = Api.uniqueUsername();
        UUID userId = api.register(username);
        UUID deviceId = UUID.randomUUID();

        Map<String, Object> tokens = api.loginRequest(username, Api.PASSWORD, deviceId, Api.randomAddress()).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(Api.json()).returnResult().getResponseBody();

        SignedJWT jwt = SignedJWT.parse((String) tokens.get("accessToken"));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        assertThat(claims.getSubject()).isEqualTo(userId.toString());
        assertThat(claims.getStringClaim("did")).isEqualTo(deviceId.toString());
        assertThat(claims.getIssuer()).isEqualTo("https://parley.local/user-service");
        assertThat(claims.getAudience()).containsExactly("parley");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(tokens).containsEntry("tokenType", "Bearer").containsEntry("expiresIn", 600);
        assertThat((String) tokens.get("refreshToken")).hasSize(64);
        api.http().get().uri("/v1/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.keys[?(@.kid == '" + jwt.getHeader().getKeyID() + "')].crv").isEqualTo("P-256");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        String username = Api.uniqueUsername();
        api.register(username);

        String wrongPassword = api.loginRequest(username, "not the password at all", UUID.randomUUID(), Api.randomAddress())
                .exchange().expectStatus().isUnauthorized().expectBody(String.class).returnResult().getResponseBody();
        String unknownUser = api.loginRequest(Api.uniqueUsername(), Api.PASSWORD, UUID.randomUUID(), Api.randomAddress())
                .exchange().expectStatus().isUnauthorized().expectBody(String.class).returnResult().getResponseBody();

        assertThat(wrongPassword).isEqualTo(unknownUser).contains("urn:parley:problem:invalid-credentials");
    }

    @Test
    void refreshRotatesTheRefreshToken() {
        Session session = api.newUser();

        Map<String, Object> rotated = refresh(session.refreshToken()).expectStatus().isOk()
                .expectBody(Api.json()).returnResult().getResponseBody();

        assertThat(rotated.get("refreshToken")).isNotEqualTo(session.refreshToken());
        api.http().get().uri("/v1/users/{id}/devices", session.userId())
                .header("Authorization", "Bearer " + rotated.get("accessToken")).exchange().expectStatus().isOk();
        refresh((String) rotated.get("refreshToken")).expectStatus().isOk();
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
        Session stolen = api.newUser();
        Session otherDevice = api.newDevice(stolen);
        Map<String, Object> legitimate = refresh(stolen.refreshToken()).expectStatus().isOk()
                .expectBody(Api.json()).returnResult().getResponseBody();

        try (UserEvents events = new UserEvents(KAFKA.bootstrapServers(), USER_EVENTS_TOPIC)) {
            refresh(stolen.refreshToken()).expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.type").isEqualTo("urn:parley:problem:refresh-token-reused");

            refresh((String) legitimate.get("refreshToken")).expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.type").isEqualTo("urn:parley:problem:invalid-refresh-token");
            api.http().get().uri("/v1/users/{id}/devices", stolen.userId())
                    .header("Authorization", "Bearer " + legitimate.get("accessToken")).exchange().expectStatus().isUnauthorized();
            api.get(otherDevice, "/v1/users/{id}/devices", stolen.userId()).expectStatus().isOk()
                    .expectBody().jsonPath("$[*].deviceId").isEqualTo(List.of(otherDevice.deviceId().toString()));
            UserEvent revoked = awaitRevocation(events, stolen);
            assertThat(revoked.getDeviceRevoked().getReason()).isEqualTo(DeviceRevoked.Reason.REASON_REFRESH_TOKEN_REUSED);
        }
    }

    @Test
    void ofConcurrentExchangesOfOneRefreshTokenExactlyOneSucceeds() {
        Session session = api.newUser();

        List<Integer> statuses = ConcurrentRequests.statuses(baseUrl(), 10, (client, i) -> client.post().uri("/v1/auth/refresh")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("refreshToken", session.refreshToken())));

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 401).hasSize(9);
    }

    @Test
    void logoutEndsTheSessionAndAnnouncesIt() {
        Session session = api.newUser();

        try (UserEvents events = new UserEvents(KAFKA.bootstrapServers(), USER_EVENTS_TOPIC)) {
            api.post(session, "{}", "/v1/auth/logout").expectStatus().isNoContent();

            api.get(session, "/v1/users/{id}/devices", session.userId()).expectStatus().isUnauthorized()
                    .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            refresh(session.refreshToken()).expectStatus().isUnauthorized();
            assertThat(awaitRevocation(events, session).getDeviceRevoked().getReason())
                    .isEqualTo(DeviceRevoked.Reason.REASON_LOGGED_OUT);
        }
        api.login(session.username(), session.deviceId());
    }

    @Test
    void anAccountHasAtMostTheConfiguredNumberOfDevices() {
        Session first = api.newUser();
        Session second = api.newDevice(first);
        api.newDevice(first);

        api.loginRequest(first.username(), Api.PASSWORD, UUID.randomUUID(), Api.randomAddress()).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:parley:problem:device-limit-reached");
        api.login(first.username(), second.deviceId());

        api.delete(first, "/v1/users/{u}/devices/{d}", first.userId(), second.deviceId()).expectStatus().isNoContent();
        api.newDevice(first);
    }

    @Test
    void concurrentLoginsOfNewDevicesNeverExceedTheLimit() {
        Session first = api.newUser();

        List<Integer> statuses = ConcurrentRequests.statuses(baseUrl(), 6, (client, i) -> client.post().uri("/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON).header("X-Forwarded-For", Api.randomAddress())
                .bodyValue(Map.of("username", first.username(), "password", Api.PASSWORD, "device",
                        Map.of("deviceId", UUID.randomUUID().toString(), "platform", "web", "name", "Browser " + i))));

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(2);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(4);
        api.get(first, "/v1/users/{id}/devices", first.userId()).expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(3);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec refresh(String refreshToken) {
        return api.http().post().uri("/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken)).exchange();
    }

    static UserEvent awaitRevocation(UserEvents events, Session device) {
        List<ConsumerRecord<String, byte[]>> matching = await().atMost(Duration.ofSeconds(30)).until(
                () -> events.poll(record -> record.key().equals(device.userId().toString())
                        && UserEvents.parse(record).getDeviceRevoked().getDeviceId().equals(device.deviceId().toString())),
                records -> !records.isEmpty());
        return UserEvents.parse(matching.get(0));
    }
}
