package io.parley.group.invites;

import com.datastax.oss.driver.api.core.cql.Row;
import io.parley.cassandra.async.ReactiveCql;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Invite links by token (what a join looks up) and by group (what an admin replaces or revokes). The token row is
 * the authority: a join finds the group only through it, so deleting it revokes the link.
 */
@Component
class InviteStore {

    private final ReactiveCql cql;

    InviteStore(ReactiveCql cql) {
        this.cql = cql;
    }

    Mono<InviteLink> byToken(String token) {
        return cql.one("SELECT group_id, created_by, created_at FROM invite_links WHERE invite_token = ?", token)
                .map(row -> link(token, row));
    }

    Mono<InviteLink> byGroup(UUID groupId) {
        return cql.one("SELECT invite_token FROM invite_link_by_group WHERE group_id = ?", groupId)
                .flatMap(row -> byToken(row.getString("invite_token")));
    }

    /** Stores {@code link} as the group's one live link, revoking the previous one. */
    Mono<Void> replace(InviteLink link) {
        return revoke(link.groupId())
                .then(cql.run("INSERT INTO invite_links (invite_token, group_id, created_by, created_at) VALUES (?, ?, ?, ?)",
                        link.token(), link.groupId(), link.createdBy(), link.createdAt()))
                .then(cql.run("INSERT INTO invite_link_by_group (group_id, invite_token) VALUES (?, ?)", link.groupId(), link.token()));
    }

    Mono<Void> revoke(UUID groupId) {
        return cql.one("SELECT invite_token FROM invite_link_by_group WHERE group_id = ?", groupId)
                .flatMap(row -> cql.run("DELETE FROM invite_links WHERE invite_token = ?", row.getString("invite_token")))
                .then(cql.run("DELETE FROM invite_link_by_group WHERE group_id = ?", groupId));
    }

    private static InviteLink link(String token, Row row) {
        return new InviteLink(row.getUuid("group_id"), token, row.getUuid("created_by"), row.getInstant("created_at"));
    }
}
