package io.parley.chat.groups;

import io.parley.proto.chat.v1.MembershipChange;
import io.parley.proto.chat.v1.MessageSubmitted;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A group chat's name and avatar as chat-service knows them: from the {@code details} group-service puts in the
 * CREATED and INFO_CHANGED commands, in the chat's order (group-service owns the info; chat-service keeps this copy so
 * the chat list needs no call per group). Null members: not known or cleared.
 */
public record GroupInfo(String name, String avatarMediaId) {

    public static final GroupInfo NONE = new GroupInfo(null, null);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Whether the record is a command that may carry the info. */
    public static boolean carriesInfo(MessageSubmitted submitted) {
        return submitted.hasMembership() && (submitted.getMembership().getChange() == MembershipChange.CREATED
                || submitted.getMembership().getChange() == MembershipChange.INFO_CHANGED);
    }

    /**
     * The info after the command: {@code name} and {@code avatar_media_id} of its details replace the current ones when
     * present (an empty avatar clears it); details that are not a JSON object change nothing.
     */
    public GroupInfo after(MessageSubmitted command) {
        if (!carriesInfo(command) || command.getMembership().getDetails().isEmpty()) {
            return this;
        }
        try {
            JsonNode details = JSON.readTree(command.getMembership().getDetails().toStringUtf8());
            if (details == null || !details.isObject()) {
                return this;
            }
            String newName = details.get("name") != null && details.get("name").isString() ? details.get("name").asString() : name;
            String newAvatar = avatarMediaId;
            if (details.get("avatar_media_id") != null && details.get("avatar_media_id").isString()) {
                String given = details.get("avatar_media_id").asString();
                newAvatar = given.isEmpty() ? null : given;
            }
            return new GroupInfo(newName, newAvatar);
        } catch (JacksonException e) {
            return this;
        }
    }
}
