package io.parley.user.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.testkit.ServiceRoutes;
import io.parley.user.support.Api;
import io.parley.user.support.E2eeKeys;
import io.parley.user.support.Session;
import io.parley.user.support.UserServiceIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every endpoint that acts on a user's devices, keys, contacts, blocks or settings refuses anyone else:
 * another user (403), another device of the same user for per-device keys (403), and a device id that
 * is not the caller's (404) — and nothing of the victim changes. The cases are checked against the service's
 * routes as its running context maps them, so an endpoint added without a case (or a reason why none) fails.
 */
class OwnershipTest extends UserServiceIntegrationTest {

    /** Alice (phone and laptop) is the victim, Bob the other user; created once for all cases. */
    private static Fixture fixture;

    record Fixture(Session alice, Session aliceLaptop, Session bob) {
    }

    @BeforeEach
    void victim() {
        if (fixture == null) {
            Session alice = api.newUser();
            Session laptop = api.newDevice(alice);
            Session bob = api.newUser();
            api.put(alice, "", "/v1/users/{u}/blocks/{b}", alice.userId(), bob.userId()).expectStatus().isNoContent();
            api.put(alice, E2eeKeys.generate().identityUpload(1), "/v1/users/{u}/devices/{d}/keys", alice.userId(), alice.deviceId())
                    .expectStatus().isNoContent();
            api.post(alice, E2eeKeys.oneTimeUpload(1, 6), "/v1/users/{u}/devices/{d}/keys/one-time", alice.userId(), alice.deviceId())
                    .expectStatus().isCreated();
            fixture = new Fixture(alice, laptop, bob);
        }
    }

    static Stream<Arguments> intrusions() {
        String keys = E2eeKeys.generate().identityUpload(9);
        String oneTime = E2eeKeys.oneTimeUpload(50, 52);
        return Stream.of(
                // Bob lists Alice's devices
                intrusion("GET /v1/users/{userId}/devices", "list devices", 403, (api, f) -> api.get(f.bob(), "/v1/users/{u}/devices", f.alice().userId())),
                // Bob revokes Alice's phone
                intrusion("DELETE /v1/users/{userId}/devices/{deviceId}", "revoke device", 403, (api, f) -> api.delete(f.bob(), "/v1/users/{u}/devices/{d}", f.alice().userId(), f.alice().deviceId())),
                // Bob revokes Alice's phone through his own device list
                intrusion("DELETE /v1/users/{userId}/devices/{deviceId}", "revoke device via own path", 404, (api, f) -> api.delete(f.bob(), "/v1/users/{u}/devices/{d}", f.bob().userId(), f.alice().deviceId())),
                // Bob renames Alice
                intrusion("PATCH /v1/users/{userId}", "edit profile", 403, (api, f) -> api.patch(f.bob(), "{\"displayName\":\"Mallory\"}", "/v1/users/{u}", f.alice().userId())),
                // Bob reads Alice's privacy settings
                intrusion("GET /v1/users/{userId}/privacy", "read privacy", 403, (api, f) -> api.get(f.bob(), "/v1/users/{u}/privacy", f.alice().userId())),
                // Bob makes Alice's last seen public
                intrusion("PUT /v1/users/{userId}/privacy", "change privacy", 403, (api, f) -> api.put(f.bob(), "{\"lastSeen\":\"everyone\",\"readReceipts\":true}", "/v1/users/{u}/privacy", f.alice().userId())),
                // Bob reads Alice's contacts
                intrusion("GET /v1/users/{userId}/contacts", "list contacts", 403, (api, f) -> api.get(f.bob(), "/v1/users/{u}/contacts", f.alice().userId())),
                // Bob adds himself to Alice's contacts (to see her last seen)
                intrusion("PUT /v1/users/{userId}/contacts/{contactId}", "add contact", 403, (api, f) -> api.put(f.bob(), "", "/v1/users/{u}/contacts/{c}", f.alice().userId(), f.bob().userId())),
                // Bob removes a contact of Alice
                intrusion("DELETE /v1/users/{userId}/contacts/{contactId}", "remove contact", 403, (api, f) -> api.delete(f.bob(), "/v1/users/{u}/contacts/{c}", f.alice().userId(), f.bob().userId())),
                // Bob reads Alice's block list
                intrusion("GET /v1/users/{userId}/blocks", "list blocks", 403, (api, f) -> api.get(f.bob(), "/v1/users/{u}/blocks", f.alice().userId())),
                // Bob adds a block for Alice
                intrusion("PUT /v1/users/{userId}/blocks/{blockedUserId}", "add block", 403, (api, f) -> api.put(f.bob(), "", "/v1/users/{u}/blocks/{b}", f.alice().userId(), f.aliceLaptop().userId())),
                // Bob unblocks himself on Alice's behalf
                intrusion("DELETE /v1/users/{userId}/blocks/{blockedUserId}", "remove block", 403, (api, f) -> api.delete(f.bob(), "/v1/users/{u}/blocks/{b}", f.alice().userId(), f.bob().userId())),
                // Bob replaces Alice's identity key (a man-in-the-middle)
                intrusion("PUT /v1/users/{userId}/devices/{deviceId}/keys", "replace identity key", 403, (api, f) -> api.put(f.bob(), keys, "/v1/users/{u}/devices/{d}/keys", f.alice().userId(), f.alice().deviceId())),
                // Bob plants one-time prekeys he controls
                intrusion("POST /v1/users/{userId}/devices/{deviceId}/keys/one-time", "add one-time prekeys", 403, (api, f) -> api.post(f.bob(), oneTime, "/v1/users/{u}/devices/{d}/keys/one-time", f.alice().userId(), f.alice().deviceId())),
                // Bob reads Alice's prekey count
                intrusion("GET /v1/users/{userId}/devices/{deviceId}/keys/one-time", "read prekey count", 403, (api, f) -> api.get(f.bob(), "/v1/users/{u}/devices/{d}/keys/one-time", f.alice().userId(), f.alice().deviceId())),
                // Bob uploads keys for Alice's device id under his own account
                intrusion("PUT /v1/users/{userId}/devices/{deviceId}/keys", "keys for a device not the caller's", 403, (api, f) -> api.put(f.bob(), keys, "/v1/users/{u}/devices/{d}/keys", f.bob().userId(), f.alice().deviceId())),
                // Alice's laptop replaces her phone's identity key
                intrusion("PUT /v1/users/{userId}/devices/{deviceId}/keys", "other device replaces identity key", 403, (api, f) -> api.put(f.aliceLaptop(), keys, "/v1/users/{u}/devices/{d}/keys", f.alice().userId(), f.alice().deviceId())),
                // Alice's laptop adds one-time prekeys for her phone
                intrusion("POST /v1/users/{userId}/devices/{deviceId}/keys/one-time", "other device adds one-time prekeys", 403, (api, f) -> api.post(f.aliceLaptop(), oneTime, "/v1/users/{u}/devices/{d}/keys/one-time", f.alice().userId(), f.alice().deviceId())),
                // Alice's laptop reads her phone's prekey count
                intrusion("GET /v1/users/{userId}/devices/{deviceId}/keys/one-time", "other device reads prekey count", 403, (api, f) -> api.get(f.aliceLaptop(), "/v1/users/{u}/devices/{d}/keys/one-time", f.alice().userId(), f.alice().deviceId())),
                // Bob, whom Alice blocks, fetches her key bundle (anyone else may: it starts an E2EE session)
                intrusion("GET /v1/users/{userId}/keys", "blocked user fetches keys", 403, (api, f) -> api.get(f.bob(), "/v1/users/{u}/keys", f.alice().userId())));
    }

    /**
     * Routes that name no object another user could own, or that any signed-in user may read, and why. A route in
     * neither list fails {@link #everyRouteHasAnIntrusionCaseOrADeclaredReasonWhyNot}: a new endpoint needs its case.
     */
    private static final Map<String, String> WITHOUT_OWNER = Map.of(
            "POST /v1/accounts", "creates a new account; rate-limited per address",
            "POST /v1/auth/login", "credentials in the body name the account; rate-limited",
            "POST /v1/auth/refresh", "the refresh token is the credential; a reused one signs the device out",
            "POST /v1/auth/logout", "acts on the calling device's own session, taken from its token",
            "POST /v1/connect-tickets", "issued to the calling device, taken from its token",
            "GET /v1/.well-known/jwks.json", "public keys, public by design",
            "GET /v1/users/{userId}", "a profile (name, about, avatar) is visible to every signed-in user",
            "GET /v1/users", "lookup by exact username, as a messenger's 'add contact' needs");

    @Test
    void everyRouteHasAnIntrusionCaseOrADeclaredReasonWhyNot(@Autowired ApplicationContext context) {
        Set<String> covered = new TreeSet<>(WITHOUT_OWNER.keySet());
        intrusions().forEach(intrusion -> covered.add((String) intrusion.get()[0]));

        assertThat(ServiceRoutes.of(context)).containsExactlyInAnyOrderElementsOf(covered);
    }

    private static Arguments intrusion(String route, String name, int status,
            BiFunction<Api, Fixture, WebTestClient.ResponseSpec> call) {
        return Arguments.of(route, name, status, call);
    }

    @ParameterizedTest(name = "{1} ({0})")
    @MethodSource("intrusions")
    void isRefusedAndChangesNothing(String route, String name, int status,
            BiFunction<Api, Fixture, WebTestClient.ResponseSpec> call) {
        call.apply(api, fixture).expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.type").isEqualTo(status == 403 ? "urn:parley:problem:forbidden" : "urn:parley:problem:not-found");

        Session alice = fixture.alice();
        api.get(alice, "/v1/users/{u}/devices", alice.userId()).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(2);
        api.get(alice, "/v1/users/{u}", alice.userId()).expectStatus().isOk().expectBody()
                .jsonPath("$.displayName").isEqualTo("User " + alice.username());
        api.get(alice, "/v1/users/{u}/privacy", alice.userId()).expectStatus().isOk().expectBody().jsonPath("$.lastSeen").isEqualTo("contacts");
        api.get(alice, "/v1/users/{u}/contacts", alice.userId()).expectStatus().isOk().expectBody().jsonPath("$.items").isEmpty();
        api.get(alice, "/v1/users/{u}/blocks", alice.userId()).expectStatus().isOk().expectBody()
                .jsonPath("$.items[*].userId").isEqualTo(List.of(fixture.bob().userId().toString()));
        api.get(alice, "/v1/users/{u}/devices/{d}/keys/one-time", alice.userId(), alice.deviceId()).expectStatus().isOk()
                .expectBody().jsonPath("$.remaining").isEqualTo(5);
    }
}
