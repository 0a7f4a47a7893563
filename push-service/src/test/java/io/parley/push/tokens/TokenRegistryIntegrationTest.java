package io.parley.push.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.proto.user.v1.DeviceRevoked;
import io.parley.proto.user.v1.UserEvent;
import io.parley.push.support.PushServiceIntegrationTest;
import io.parley.push.support.WebPushKeys;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

/** The token registry over REST, per calling device, against real Cassandra and Kafka. */
class TokenRegistryIntegrationTest extends PushServiceIntegrationTest {

    private static final String APNS_TOKEN = "a".repeat(64);

    @Test
    void aDeviceRegistersReplacesAndRemovesItsOneToken() {
        String user = newId();
        String device = newId();
        register(user, device, Map.of("platform", "apns", "token", APNS_TOKEN, "topic", "io.parley.app", "sandbox", true))
                .expectStatus().isOk().expectBody().jsonPath("$.platform").isEqualTo("apns");
        assertThat(stored(user, device)).isEqualTo(new PushToken.Apns(APNS_TOKEN, "io.parley.app", true));

        register(user, device, Map.of("platform", "fcm", "token", "fcm-registration:token_1"))
                .expectStatus().isOk();
        assertThat(stored(user, device)).isEqualTo(new PushToken.Fcm("fcm-registration:token_1"));
        assertThat(tokens.ofUser(UUID.fromString(user)).collectList().block()).hasSize(1);
        authorized(http.get().uri("/v1/push/token"), user, device).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.platform").isEqualTo("fcm");

        authorized(http.delete().uri("/v1/push/token"), user, device).exchange().expectStatus().isNoContent();
        authorized(http.get().uri("/v1/push/token"), user, device).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void eachDeviceOfAUserHasItsOwnToken() {
        String user = newId();
        String phone = newId();
        String browser = newId();
        WebPushKeys keys = WebPushKeys.generate();
        register(user, phone, Map.of("platform", "fcm", "token", "phone-token")).expectStatus().isOk();
        register(user, browser, Map.of("platform", "web_push", "endpoint", "https://eu.push.example/send/abc",
                "keys", Map.of("p256dh", keys.publicKeyBase64Url(), "auth", keys.authBase64Url())))
                .expectStatus().isOk().expectBody().jsonPath("$.platform").isEqualTo("web_push");

        assertThat(tokens.ofUser(UUID.fromString(user)).map(DeviceToken::token).collectList().block())
                .containsExactlyInAnyOrder(new PushToken.Fcm("phone-token"),
                        new PushToken.WebPush("https://eu.push.example/send/abc", keys.publicKeyBase64Url(), keys.authBase64Url()));
    }

    @Test
    void withoutAnAccessTokenNothingIsRegistered() {
        http.put().uri("/v1/push/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("platform", "fcm", "token", "t")).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    static Stream<Arguments> badRegistrations() {
        return Stream.of(
                // no platform
                Arguments.of(Map.of("token", APNS_TOKEN), "platform"),
                // an APNs token is hex
                Arguments.of(Map.of("platform", "apns", "token", "not-hex", "topic", "io.parley.app"), "token"),
                // APNs needs the bundle id
                Arguments.of(Map.of("platform", "apns", "token", APNS_TOKEN), "topic"),
                // FCM token missing
                Arguments.of(Map.of("platform", "fcm"), "token"),
                // a Web Push endpoint must be a URL
                Arguments.of(Map.of("platform", "web_push", "endpoint", "push service",
                        "keys", Map.of("p256dh", "x", "auth", "y")), "endpoint"),
                // only known push services: push-service POSTs to the endpoint, so no internal host may be named
                Arguments.of(Map.of("platform", "web_push", "endpoint", "https://billing.internal/admin",
                        "keys", Map.of("p256dh", WebPushKeys.generate().publicKeyBase64Url(), "auth", "AAAAAAAAAAAAAAAAAAAAAA")), "endpoint"),
                // p256dh must be a 65-byte uncompressed point
                Arguments.of(Map.of("platform", "web_push", "endpoint", "https://eu.push.example/e",
                        "keys", Map.of("p256dh", "AAAA", "auth", "AAAAAAAAAAAAAAAAAAAAAA")), "keys.p256dh"));
    }

    @ParameterizedTest
    @MethodSource("badRegistrations")
    void aBadRegistrationIsRejectedNamingTheField(Map<String, Object> body, String field) {
        register(newId(), newId(), body)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }

    @Test
    void anUnknownPlatformIsABadRequest() {
        register(newId(), newId(), Map.of("platform", "carrier-pigeon", "token", "t"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST");
    }

    @Test
    void aRevokedDeviceLosesItsTokenAndTheUsersOtherDevicesKeepTheirs() {
        String user = newId();
        String revoked = newId();
        String kept = newId();
        register(user, revoked, Map.of("platform", "fcm", "token", "revoked-token")).expectStatus().isOk();
        register(user, kept, Map.of("platform", "fcm", "token", "kept-token")).expectStatus().isOk();

        produce(USER_EVENTS, user, UserEvent.newBuilder().setEventId(newId()).setUserId(user)
                .setDeviceRevoked(DeviceRevoked.newBuilder().setDeviceId(revoked)
                        .setReason(DeviceRevoked.Reason.REASON_LOGGED_OUT))
                .build().toByteArray());

        await().atMost(patience()).until(() -> stored(user, revoked) == null);
        assertThat(stored(user, kept)).isEqualTo(new PushToken.Fcm("kept-token"));

        // Its access token still verifies for minutes, but a signed-out device registers nothing.
        register(user, revoked, Map.of("platform", "fcm", "token", "revoked-token-again"))
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        assertThat(stored(user, revoked)).isNull();
    }

    private PushToken stored(String user, String device) {
        DeviceToken token = tokens.of(UUID.fromString(user), UUID.fromString(device)).block();
        return token == null ? null : token.token();
    }
}
