package io.parley.chat.groups;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.parley.cassandra.async.AsyncCql;
import io.parley.proto.chat.v1.MembershipChange;
import io.parley.proto.chat.v1.MessageSubmitted;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each group's name ({@code group_names}), as group-service states it in the details of the created and info-changed
 * commands ({@code {"name": ...}}); chat-service knows it from nowhere else and needs it only to name the group in a
 * push. Written USING TIMESTAMP <seq>, so the latest rename wins whatever the order of writes and replays.
 */
public final class GroupNames {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AsyncCql cql;
    private final PreparedStatement write;
    private final PreparedStatement read;

    public GroupNames(AsyncCql cql) {
        this.cql = cql;
        this.write = cql.prepare("UPDATE group_names USING TIMESTAMP ? SET name = ? WHERE chat_id = ?");
        this.read = cql.prepare("SELECT name FROM group_names WHERE chat_id = ?");
    }

    /** The name an applied command at {@code seq} gives the group, if it gives one. */
    public static Optional<String> named(MessageSubmitted command) {
        MembershipChange change = command.getMembership().getChange();
        if ((change != MembershipChange.CREATED && change != MembershipChange.INFO_CHANGED)
                || command.getMembership().getDetails().isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode name = JSON.readTree(command.getMembership().getDetails().toByteArray()).get("name");
            return name != null && name.isString() && !name.asString().isBlank() ? Optional.of(name.asString()) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    public CompletableFuture<Void> write(String chatId, long seq, String name) {
        return cql.execute(write.bind(seq, name, chatId));
    }

    /** The group's name, or empty if none was recorded (a group created before names were kept). */
    public CompletableFuture<String> of(String chatId) {
        return cql.one(read.bind(chatId)).thenApply(row -> row.map(r -> r.getString(0)).orElse(""));
    }
}
