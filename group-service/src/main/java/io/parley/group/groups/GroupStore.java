package io.parley.group.groups;

import com.datastax.oss.driver.api.core.cql.Row;
import io.parley.cassandra.async.ReactiveCql;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The {@code groups} table: one row per group, rewritten whole by its few writers (admins; rare). */
@Component
class GroupStore {

    private final ReactiveCql cql;

    GroupStore(ReactiveCql cql) {
        this.cql = cql;
    }

    Mono<Group> find(UUID groupId) {
        return cql.one("SELECT group_id, name, description, avatar_media_id, edit_info, send, created_by, created_at, closed "
                + "FROM groups WHERE group_id = ?", groupId).map(GroupStore::group);
    }

    Mono<Void> save(Group group) {
        return cql.run("INSERT INTO groups (group_id, name, description, avatar_media_id, edit_info, send, created_by, "
                        + "created_at, closed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                group.id(), group.name(), group.description(), group.avatarMediaId(), group.editInfo().wireName(),
                group.send().wireName(), group.createdBy(), group.createdAt(), group.closed());
    }

    private static Group group(Row row) {
        return new Group(row.getUuid("group_id"), row.getString("name"), row.getString("description"),
                row.getString("avatar_media_id"), Permission.fromWireName(row.getString("edit_info")),
                Permission.fromWireName(row.getString("send")), row.getUuid("created_by"), row.getInstant("created_at"),
                row.getBoolean("closed"));
    }
}
