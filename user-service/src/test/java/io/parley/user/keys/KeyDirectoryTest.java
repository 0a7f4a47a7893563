package io.parley.user.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.user.support.Api;
import io.parley.user.support.E2eeKeys;
import io.parley.user.support.Session;
import io.parley.user.support.UserServiceIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyDirectoryTest extends UserServiceIntegrationTest {

    private static final String KEYS = "/v1/users/{u}/devices/{d}/keys";
    private static final String ONE_TIME = "/v1/users/{u}/devices/{d}/keys/one-time";

    private Session alice;
    private Session bob;
    private final E2eeKeys aliceKeys = E2eeKeys.generate();

    @BeforeEach
    void users() {
        alice = api.newUser();
        bob = api.newUser();
    }

    @Test
    void aBundleCarriesTheIdentityKeySignedPreKeyAndOneOneTimePreKey() {
        String upload = aliceKeys.identityUpload(7);
        api.put(alice, upload, KEYS, alice.userId(), alice.deviceId()).expectStatus().isNoContent();
        api.post(alice, E2eeKeys.oneTimeUpload(1, 4), ONE_TIME, alice.userId(), alice.deviceId()).expectStatus().isCreated()
                .expectBody().jsonPath("$.remaining").isEqualTo(3).jsonPath("$.capacity").isEqualTo(100);

        Map<String, Object> bundle = api.get(bob, "/v1/users/{u}/keys", alice.userId()).expectStatus().isOk()
                .expectBody(Api.json()).returnResult().getResponseBody();

        assertThat(bundle).containsEntry("userId", alice.userId().toString());
        Map<String, Object> device = device(bundle);
        assertThat(device).containsEntry("deviceId", alice.deviceId().toString())
                .containsEntry("identityKey", aliceKeys.identityKey())
                .containsEntry("oneTimePreKeysExhausted", false);
        assertThat(upload).contains((String) ((Map<?, ?>) device.get("signedPreKey")).get("signature"));
        assertThat(((Map<?, ?>) device.get("oneTimePreKey")).get("keyId")).isIn(1, 2, 3);
        api.get(alice, ONE_TIME, alice.userId(), alice.deviceId()).expectStatus().isOk()
                .expectBody().jsonPath("$.remaining").isEqualTo(2);
    }

    @Test
    void aSignedPreKeyWhoseSignatureDoesNotVerifyIsRejectedAndNothingStored() {
        String forged = aliceKeys.identityUpload(7).replace(aliceKeys.identityKey(), E2eeKeys.generate().identityKey());

        api.put(alice, forged, KEYS, alice.userId(), alice.deviceId()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("signedPreKey.signature");

        api.get(bob, "/v1/users/{u}/keys", alice.userId()).expectStatus().isOk().expectBody().jsonPath("$.devices").isEmpty();
    }

    @Test
    void reportsExhaustionWhenNoOneTimePreKeyIsLeft() {
        api.put(alice, aliceKeys.identityUpload(1), KEYS, alice.userId(), alice.deviceId()).expectStatus().isNoContent();
        api.post(alice, E2eeKeys.oneTimeUpload(1, 2), ONE_TIME, alice.userId(), alice.deviceId()).expectStatus().isCreated();

        api.get(bob, "/v1/users/{u}/keys", alice.userId()).expectStatus().isOk()
                .expectBody().jsonPath("$.devices[0].oneTimePreKey.keyId").isEqualTo(1);
        api.get(bob, "/v1/users/{u}/keys", alice.userId()).expectStatus().isOk().expectBody()
                .jsonPath("$.devices[0].oneTimePreKey").doesNotExist()
                .jsonPath("$.devices[0].oneTimePreKeysExhausted").isEqualTo(true)
                .jsonPath("$.devices[0].identityKey").isEqualTo(aliceKeys.identityKey());
        api.get(alice, ONE_TIME, alice.userId(), alice.deviceId()).expectStatus().isOk().expectBody().jsonPath("$.remaining").isEqualTo(0);
    }

    @Test
    void storesAtMostTheCapacityAndNoKeyIdTwice() {
        api.put(alice, aliceKeys.identityUpload(1), KEYS, alice.userId(), alice.deviceId()).expectStatus().isNoContent();
        api.post(alice, E2eeKeys.oneTimeUpload(0, 100), ONE_TIME, alice.userId(), alice.deviceId()).expectStatus().isCreated();

        api.post(alice, E2eeKeys.oneTimeUpload(100, 101), ONE_TIME, alice.userId(), alice.deviceId()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:parley:problem:prekey-capacity-exceeded");
        api.get(bob, "/v1/users/{u}/keys", alice.userId()).expectStatus().isOk();
        api.post(alice, E2eeKeys.oneTimeUpload(5, 6), ONE_TIME, alice.userId(), alice.deviceId()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("preKeys[0].keyId");
        api.get(alice, ONE_TIME, alice.userId(), alice.deviceId()).expectStatus().isOk().expectBody().jsonPath("$.remaining").isEqualTo(99);
    }

    @Test
    void oneTimePreKeysNeedAnIdentityKeyFirst() {
        api.post(alice, E2eeKeys.oneTimeUpload(1, 3), ONE_TIME, alice.userId(), alice.deviceId()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:parley:problem:prekey-conflict");
    }

    @Test
    void aNewIdentityKeyDropsTheOneTimePreKeysOfTheOldOne() {
        api.put(alice, aliceKeys.identityUpload(1), KEYS, alice.userId(), alice.deviceId()).expectStatus().isNoContent();
        api.post(alice, E2eeKeys.oneTimeUpload(1, 11), ONE_TIME, alice.userId(), alice.deviceId()).expectStatus().isCreated();

        api.put(alice, aliceKeys.identityUpload(2), KEYS, alice.userId(), alice.deviceId()).expectStatus().isNoContent();
        api.get(alice, ONE_TIME, alice.userId(), alice.deviceId()).expectStatus().isOk().expectBody().jsonPath("$.remaining").isEqualTo(10);

        E2eeKeys reinstalled = E2eeKeys.generate();
        api.put(alice, reinstalled.identityUpload(1), KEYS, alice.userId(), alice.deviceId()).expectStatus().isNoContent();
        api.get(alice, ONE_TIME, alice.userId(), alice.deviceId()).expectStatus().isOk().expectBody().jsonPath("$.remaining").isEqualTo(0);
    }

    @Test
    void aBlockedUserCannotFetchTheBlockersKeys() {
        api.put(alice, aliceKeys.identityUpload(1), KEYS, alice.userId(), alice.deviceId()).expectStatus().isNoContent();
        api.put(alice, "", "/v1/users/{u}/blocks/{b}", alice.userId(), bob.userId()).expectStatus().isNoContent();

        api.get(bob, "/v1/users/{u}/keys", alice.userId()).expectStatus().isForbidden();
    }

    @Test
    void aRevokedDevicesKeysLeaveTheBundle() {
        Session laptop = api.newDevice(alice);
        api.put(alice, aliceKeys.identityUpload(1), KEYS, alice.userId(), alice.deviceId()).expectStatus().isNoContent();
        api.put(laptop, E2eeKeys.generate().identityUpload(1), KEYS, alice.userId(), laptop.deviceId()).expectStatus().isNoContent();
        api.get(bob, "/v1/users/{u}/keys", alice.userId()).expectStatus().isOk().expectBody().jsonPath("$.devices.length()").isEqualTo(2);

        api.delete(alice, "/v1/users/{u}/devices/{d}", alice.userId(), laptop.deviceId()).expectStatus().isNoContent();

        api.get(bob, "/v1/users/{u}/keys", alice.userId()).expectStatus().isOk().expectBody()
                .jsonPath("$.devices[*].deviceId").isEqualTo(List.of(alice.deviceId().toString()));
    }

    @Test
    void theBundleOfAnUnknownUserIsNotFound() {
        api.get(bob, "/v1/users/{u}/keys", java.util.UUID.randomUUID()).expectStatus().isNotFound();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> device(Map<String, Object> bundle) {
        List<Map<String, Object>> devices = (List<Map<String, Object>>) bundle.get("devices");
        assertThat(devices).hasSize(1);
        return devices.get(0);
    }
}
