package io.parley.user.profile;

import io.parley.user.support.Session;
import io.parley.user.support.UserServiceIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProfileTest extends UserServiceIntegrationTest {

    @Test
    void anyoneSignedInLooksUpAUserByIdOrExactUsername() {
        Session alice = api.newUser();
        Session bob = api.newUser();

        api.get(bob, "/v1/users/{u}", alice.userId()).expectStatus().isOk().expectBody()
                .jsonPath("$.userId").isEqualTo(alice.userId().toString())
                .jsonPath("$.username").isEqualTo(alice.username())
                .jsonPath("$.displayName").isEqualTo("User " + alice.username())
                .jsonPath("$.passwordHash").doesNotExist();
        api.get(bob, "/v1/users?username={name}", alice.username().toUpperCase()).expectStatus().isOk().expectBody()
                .jsonPath("$.userId").isEqualTo(alice.userId().toString());
        api.get(bob, "/v1/users?username={name}", alice.username().substring(0, 4)).expectStatus().isNotFound();
        api.get(bob, "/v1/users/{u}", UUID.randomUUID()).expectStatus().isNotFound();
        api.http().get().uri("/v1/users/{u}", alice.userId()).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theOwnerEditsOnlyTheFieldsSentAndEmptyClears() {
        Session alice = api.newUser();

        api.patch(alice, "{\"displayName\":\"Alice\",\"about\":\"Available\",\"avatarMediaId\":\"m-1\"}", "/v1/users/{u}", alice.userId())
                .expectStatus().isOk().expectBody()
                .jsonPath("$.displayName").isEqualTo("Alice")
                .jsonPath("$.about").isEqualTo("Available")
                .jsonPath("$.avatarMediaId").isEqualTo("m-1");
        api.patch(alice, "{\"about\":\"\"}", "/v1/users/{u}", alice.userId()).expectStatus().isOk();

        api.get(api.newUser(), "/v1/users/{u}", alice.userId()).expectStatus().isOk().expectBody()
                .jsonPath("$.displayName").isEqualTo("Alice")
                .jsonPath("$.about").doesNotExist()
                .jsonPath("$.avatarMediaId").isEqualTo("m-1");
    }
}
