package io.parley.user.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.user.support.Api;
import io.parley.user.support.Session;
import io.parley.user.support.UserServiceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contacts and blocks behave alike: idempotent add and remove, paged lists, no self, no unknown users. */
class ContactAndBlockListsTest extends UserServiceIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"contacts", "blocks"})
    void addListPageAndRemove(String list) {
        Session owner = api.newUser();
        List<UUID> others = List.of(api.newUser().userId(), api.newUser().userId(), api.newUser().userId());
        for (UUID other : others) {
            api.put(owner, "", "/v1/users/{u}/" + list + "/{o}", owner.userId(), other).expectStatus().isNoContent();
        }
        api.put(owner, "", "/v1/users/{u}/" + list + "/{o}", owner.userId(), others.get(0)).expectStatus().isNoContent();

        List<String> listed = new ArrayList<>();
        String next = null;
        do {
            Map<String, Object> page = api.get(owner, "/v1/users/{u}/" + list + "?limit=2" + (next == null ? "" : "&after=" + next),
                    owner.userId()).expectStatus().isOk().expectBody(Api.json()).returnResult().getResponseBody();
            ((List<?>) page.get("items")).forEach(item -> listed.add((String) ((Map<?, ?>) item).get("userId")));
            next = (String) page.get("next");
        } while (next != null);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(others.stream().map(UUID::toString).toList());

        api.delete(owner, "/v1/users/{u}/" + list + "/{o}", owner.userId(), others.get(1)).expectStatus().isNoContent();
        api.delete(owner, "/v1/users/{u}/" + list + "/{o}", owner.userId(), others.get(1)).expectStatus().isNoContent();
        api.get(owner, "/v1/users/{u}/" + list, owner.userId()).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2).jsonPath("$.next").doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"contacts", "blocks"})
    void refusesYourselfAndUnknownUsers(String list) {
        Session owner = api.newUser();

        api.put(owner, "", "/v1/users/{u}/" + list + "/{o}", owner.userId(), owner.userId()).expectStatus().isBadRequest();
        api.put(owner, "", "/v1/users/{u}/" + list + "/{o}", owner.userId(), UUID.randomUUID()).expectStatus().isNotFound();
        api.get(owner, "/v1/users/{u}/" + list + "?limit=0", owner.userId()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        api.get(owner, "/v1/users/{u}/" + list + "?after=nope", owner.userId()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("after");
    }
}
