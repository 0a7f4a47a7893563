package io.parley.bench.groups;

import io.parley.bench.accounts.DeviceLogin;
import io.parley.bench.net.HttpResult;
import io.parley.bench.net.SimpleHttp;
import java.net.URI;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Creates groups through group-service's REST API (docs/groups.md). */
final class GroupChats {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SimpleHttp http;
    private final URI groupService;

    GroupChats(SimpleHttp http, URI groupService) {
        this.http = http;
        this.groupService = groupService;
    }

    /** A group created by {@code creator} with the other users as members; its chat id. */
    String create(DeviceLogin creator, String name, List<String> memberIds) {
        String body = JSON.writeValueAsString(Map.of("name", name, "members", memberIds));
        HttpResult result = http.postJson(groupService.resolve("/v1/groups"), body, creator.accessToken(), null).join();
        if (result.status() != 201) {
            throw new IllegalStateException("creating the group answered " + result.status() + ": " + result.body());
        }
        JsonNode group = JSON.readTree(result.body());
        return group.get("chat_id").asString();
    }
}
