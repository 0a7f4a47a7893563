package io.parley.user.privacy;

import io.parley.user.support.Session;
import io.parley.user.support.UserServiceIntegrationTest;
import org.junit.jupiter.api.Test;

class PrivacyTest extends UserServiceIntegrationTest {

    @Test
    void startsPrivateByDefaultAndKeepsTheUsersChoice() {
        Session alice = api.newUser();

        api.get(alice, "/v1/users/{u}/privacy", alice.userId()).expectStatus().isOk().expectBody()
                .jsonPath("$.lastSeen").isEqualTo("contacts")
                .jsonPath("$.readReceipts").isEqualTo(true);

        api.put(alice, "{\"lastSeen\":\"everyone\",\"readReceipts\":false}", "/v1/users/{u}/privacy", alice.userId())
                .expectStatus().isOk();

        api.get(alice, "/v1/users/{u}/privacy", alice.userId()).expectStatus().isOk().expectBody()
                .jsonPath("$.lastSeen").isEqualTo("everyone")
                .jsonPath("$.readReceipts").isEqualTo(false);
    }
}
