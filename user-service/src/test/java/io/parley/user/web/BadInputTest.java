package io.parley.user.web;

import io.parley.user.support.Api;
import io.parley.user.support.E2eeKeys;
import io.parley.user.support.Session;
import io.parley.user.support.UserServiceIntegrationTest;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Malformed JSON, wrong types, oversize and missing fields get 400 problem+json naming the field, and
 * nothing is written. Each case names the field the client must fix.
 */
class BadInputTest extends UserServiceIntegrationTest {

    private static final String KEY = E2eeKeys.base64(new byte[32]);
    private static Session victim;

    @BeforeEach
    void victim() {
        if (victim == null) {
            victim = api.newUser();
            api.put(victim, E2eeKeys.generate().identityUpload(1), "/v1/users/{u}/devices/{d}/keys", victim.userId(), victim.deviceId())
                    .expectStatus().isNoContent();
        }
    }

    /** Bodies with %s for a fresh username. */
    static Stream<Arguments> registrations() {
        String name = "\"username\":\"%s\"";
        String password = "\"password\":\"" + Api.PASSWORD + "\"";
        return Stream.of(
                // no body at all
                Arguments.of("", "body"),
                // truncated JSON
                Arguments.of("{" + name + ", ", "body"),
                // an array where an object belongs
                Arguments.of("[]", "body"),
                // trailing garbage after the object
                Arguments.of("{" + name + "," + password + ",\"displayName\":\"A\"} x", "body"),
                // a number where a string belongs
                Arguments.of("{\"username\":12345," + password + ",\"displayName\":\"A\"}", "username"),
                // a boolean where a string belongs
                Arguments.of("{" + name + ",\"password\":true,\"displayName\":\"A\"}", "password"),
                // 33 characters
                Arguments.of("{\"username\":\"%s" + "a".repeat(33) + "\"," + password + ",\"displayName\":\"A\"}", "username"),
                // a character outside [a-z0-9_.]
                Arguments.of("{\"username\":\"%s-x\"," + password + ",\"displayName\":\"A\"}", "username"),
                // too short a password
                Arguments.of("{" + name + ",\"password\":\"short\",\"displayName\":\"A\"}", "password"),
                // 129-character password
                Arguments.of("{" + name + ",\"password\":\"" + "p".repeat(129) + "\",\"displayName\":\"A\"}", "password"),
                // 65-character display name
                Arguments.of("{" + name + "," + password + ",\"displayName\":\"" + "d".repeat(65) + "\"}", "displayName"),
                // a control character in the display name
                Arguments.of("{" + name + "," + password + ",\"displayName\":\"A\\u0000B\"}", "displayName"),
                // no display name
                Arguments.of("{" + name + "," + password + "}", "displayName"),
                // no username
                Arguments.of("{" + password + ",\"displayName\":\"A\"}", "username"));
    }

    @ParameterizedTest
    @MethodSource("registrations")
    void registration(String template, String field) {
        String username = Api.uniqueUsername();

        expectFieldError(api.http().post().uri("/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(template.replace("%s", username)).exchange(), field);

        api.get(victim, "/v1/users?username={n}", username).expectStatus().isNotFound();
    }

    static Stream<Arguments> logins() {
        String device = "{\"deviceId\":\"" + UUID.randomUUID() + "\",\"platform\":\"ios\",\"name\":\"Phone\"}";
        return Stream.of(
                // no device to bind
                Arguments.of("{\"password\":\"" + Api.PASSWORD + "\"}", "device"),
                // a device that is a string
                Arguments.of("{\"password\":\"" + Api.PASSWORD + "\",\"device\":\"phone\"}", "device"),
                // an unknown platform
                Arguments.of("{\"password\":\"" + Api.PASSWORD + "\",\"device\":" + device.replace("ios", "blackberry") + "}", "device.platform"),
                // a device id that is not a UUID
                Arguments.of("{\"password\":\"" + Api.PASSWORD + "\",\"device\":" + device.replaceAll("[0-9a-f-]{36}", "42") + "}", "device.deviceId"),
                // a 65-character device name
                Arguments.of("{\"password\":\"" + Api.PASSWORD + "\",\"device\":" + device.replace("Phone", "n".repeat(65)) + "}", "device.name"),
                // no password
                Arguments.of("{\"device\":" + device + "}", "password"));
    }

    @ParameterizedTest
    @MethodSource("logins")
    void login(String bodyWithoutUsername, String field) {
        String body = "{\"username\":\"" + victim.username() + "\"," + bodyWithoutUsername.substring(1);

        expectFieldError(api.http().post().uri("/v1/auth/login").header("X-Forwarded-For", Api.randomAddress())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(), field);

        api.get(victim, "/v1/users/{u}/devices", victim.userId()).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    static Stream<Arguments> profileEdits() {
        return Stream.of(
                // 65-character display name
                Arguments.of("{\"displayName\":\"" + "d".repeat(65) + "\"}", "displayName"),
                // a blank display name
                Arguments.of("{\"displayName\":\"   \"}", "displayName"),
                // 141-character about
                Arguments.of("{\"about\":\"" + "a".repeat(141) + "\"}", "about"),
                // a number where text belongs
                Arguments.of("{\"about\":42}", "about"),
                // an avatar id with characters media ids never have
                Arguments.of("{\"avatarMediaId\":\"../../etc/passwd\"}", "avatarMediaId"),
                // malformed JSON
                Arguments.of("{\"about\":", "body"));
    }

    @ParameterizedTest
    @MethodSource("profileEdits")
    void profileEdit(String body, String field) {
        expectFieldError(api.patch(victim, body, "/v1/users/{u}", victim.userId()), field);

        api.get(victim, "/v1/users/{u}", victim.userId()).expectStatus().isOk().expectBody()
                .jsonPath("$.displayName").isEqualTo("User " + victim.username())
                .jsonPath("$.about").doesNotExist();
    }

    static Stream<Arguments> privacyChanges() {
        return Stream.of(
                // not one of everyone, contacts, nobody
                Arguments.of("{\"lastSeen\":\"friends\",\"readReceipts\":true}", "lastSeen"),
                // a boolean written as a string
                Arguments.of("{\"lastSeen\":\"nobody\",\"readReceipts\":\"false\"}", "readReceipts"),
                // a boolean written as a number
                Arguments.of("{\"lastSeen\":\"nobody\",\"readReceipts\":0}", "readReceipts"),
                // PUT replaces both settings, so both are required
                Arguments.of("{\"lastSeen\":\"nobody\"}", "readReceipts"),
                // a number where the visibility belongs
                Arguments.of("{\"lastSeen\":2,\"readReceipts\":true}", "lastSeen"));
    }

    @ParameterizedTest
    @MethodSource("privacyChanges")
    void privacyChange(String body, String field) {
        expectFieldError(api.put(victim, body, "/v1/users/{u}/privacy", victim.userId()), field);

        api.get(victim, "/v1/users/{u}/privacy", victim.userId()).expectStatus().isOk().expectBody()
                .jsonPath("$.lastSeen").isEqualTo("contacts").jsonPath("$.readReceipts").isEqualTo(true);
    }

    static Stream<Arguments> identityUploads() {
        String signed = "{\"keyId\":1,\"publicKey\":\"" + KEY + "\",\"signature\":\"" + E2eeKeys.base64(new byte[64]) + "\"}";
        return Stream.of(
                // a 31-byte identity key
                Arguments.of("{\"identityKey\":\"" + E2eeKeys.base64(new byte[31]) + "\",\"signedPreKey\":" + signed + "}", "identityKey"),
                // not base64 at all
                Arguments.of("{\"identityKey\":\"" + "*".repeat(44) + "\",\"signedPreKey\":" + signed + "}", "identityKey"),
                // a key id written as a word
                Arguments.of("{\"identityKey\":\"" + KEY + "\",\"signedPreKey\":" + signed.replace("\"keyId\":1", "\"keyId\":\"seven\"") + "}", "signedPreKey.keyId"),
                // a negative key id
                Arguments.of("{\"identityKey\":\"" + KEY + "\",\"signedPreKey\":" + signed.replace("\"keyId\":1", "\"keyId\":-1") + "}", "signedPreKey.keyId"),
                // a key id beyond 32 bits
                Arguments.of("{\"identityKey\":\"" + KEY + "\",\"signedPreKey\":" + signed.replace("\"keyId\":1", "\"keyId\":4294967296") + "}", "signedPreKey.keyId"),
                // a 63-byte signature
                Arguments.of("{\"identityKey\":\"" + KEY + "\",\"signedPreKey\":" + signed.replace(E2eeKeys.base64(new byte[64]), E2eeKeys.base64(new byte[63])) + "}", "signedPreKey.signature"),
                // no signed prekey
                Arguments.of("{\"identityKey\":\"" + KEY + "\"}", "signedPreKey"));
    }

    @ParameterizedTest
    @MethodSource("identityUploads")
    void identityUpload(String body, String field) {
        String before = bundleOfVictim();

        expectFieldError(api.put(victim, body, "/v1/users/{u}/devices/{d}/keys", victim.userId(), victim.deviceId()), field);

        org.assertj.core.api.Assertions.assertThat(bundleOfVictim()).isEqualTo(before);
    }

    static Stream<Arguments> oneTimeUploads() {
        String key = "{\"keyId\":1,\"publicKey\":\"" + KEY + "\"}";
        return Stream.of(
                // an empty batch
                Arguments.of("{\"preKeys\":[]}", "preKeys"),
                // more than 100 in one batch
                Arguments.of(E2eeKeys.oneTimeUpload(0, 101), "preKeys"),
                // the second key is 16 bytes
                Arguments.of("{\"preKeys\":[" + key + "," + key.replace("1", "2").replace(KEY, E2eeKeys.base64(new byte[16])) + "]}", "preKeys[1].publicKey"),
                // a key id written as text
                Arguments.of("{\"preKeys\":[" + key.replace("\"keyId\":1", "\"keyId\":\"x\"") + "]}", "preKeys[0].keyId"),
                // the same key id twice
                Arguments.of("{\"preKeys\":[" + key + "," + key + "]}", "preKeys[1].keyId"),
                // a null entry
                Arguments.of("{\"preKeys\":[null]}", "preKeys[0]"),
                // an object where the list belongs
                Arguments.of("{\"preKeys\":" + key + "}", "preKeys"));
    }

    @ParameterizedTest
    @MethodSource("oneTimeUploads")
    void oneTimeUpload(String body, String field) {
        expectFieldError(api.post(victim, body, "/v1/users/{u}/devices/{d}/keys/one-time", victim.userId(), victim.deviceId()), field);

        api.get(victim, "/v1/users/{u}/devices/{d}/keys/one-time", victim.userId(), victim.deviceId()).expectStatus().isOk()
                .expectBody().jsonPath("$.remaining").isEqualTo(0);
    }

    @Test
    void aRefreshTokenOfTheWrongTypeOrMissingIsNamed() {
        expectFieldError(api.http().post().uri("/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"refreshToken\":42}").exchange(), "refreshToken");
        expectFieldError(api.http().post().uri("/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange(), "refreshToken");
    }

    @Test
    void aPathIdThatIsNotAUuidIsNamed() {
        expectFieldError(api.get(victim, "/v1/users/{u}", "not-a-uuid"), "userId");
    }

    @Test
    void aBodyBeyondTheSizeLimitIsRefusedWhole() {
        String huge = "{\"about\":\"" + "a".repeat(70_000) + "\"}";

        api.patch(victim, huge, "/v1/users/{u}", victim.userId()).expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:parley:problem:body-too-large");
    }

    private String bundleOfVictim() {
        return api.get(api.newUser(), "/v1/users/{u}/keys", victim.userId()).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static void expectFieldError(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:parley:problem:invalid-request")
                .jsonPath("$.code").isEqualTo("INVALID_REQUEST")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
    }
}
