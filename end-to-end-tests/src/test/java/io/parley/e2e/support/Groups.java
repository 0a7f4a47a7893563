package io.parley.e2e.support;

import java.util.List;
import java.util.Map;

/** group-service's REST API as the tests use it (docs/groups.md). */
public final class Groups {

    private final ParleySystem system;

    public Groups(ParleySystem system) {
        this.system = system;
    }

    /** Creates a group of {@code creator} with {@code members}; its chat id ({@code g:<group id>}). */
    public String create(Accounts.SignedInDevice creator, String name, List<String> members) {
        return Rest.post(system.groupServiceUri() + "/v1/groups", Map.of("name", name, "members", members),
                creator.accessToken()).expect(201).json().get("chat_id").asString();
    }

    /** An admin removes a member; the HTTP status. */
    public int remove(Accounts.SignedInDevice admin, String chat, String member) {
        return Rest.delete(system.groupServiceUri() + "/v1/groups/" + groupIdOf(chat) + "/members/" + member,
                admin.accessToken()).status();
    }

    /** An admin adds members; the HTTP status. */
    public int add(Accounts.SignedInDevice admin, String chat, List<String> members) {
        return Rest.post(system.groupServiceUri() + "/v1/groups/" + groupIdOf(chat) + "/members",
                Map.of("user_ids", members), admin.accessToken()).status();
    }

    private static String groupIdOf(String chat) {
        return chat.substring("g:".length());
    }
}
