package io.parley.group.members;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.Row;
import io.parley.cassandra.async.ReactiveCql;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Membership rows: by group ({@code group_members}) and by user ({@code groups_by_user}), always written together in
 * one logged batch so "my groups" and a group's member list never disagree for long. Every write is idempotent.
 */
@Component
public class MemberStore {

    private final ReactiveCql cql;

    MemberStore(ReactiveCql cql) {
        this.cql = cql;
    }

    public Flux<Member> members(UUID groupId) {
        return cql.all("SELECT user_id, role, joined_at FROM group_members WHERE group_id = ?", groupId)
                .map(MemberStore::member);
    }

    public Mono<Member> member(UUID groupId, UUID userId) {
        return cql.one("SELECT user_id, role, joined_at FROM group_members WHERE group_id = ? AND user_id = ?", groupId, userId)
                .map(MemberStore::member);
    }

    public Mono<Long> count(UUID groupId) {
        return cql.one("SELECT COUNT(*) FROM group_members WHERE group_id = ?", groupId).map(row -> row.getLong(0));
    }

    /** The groups {@code userId} is a member of, in no given order. */
    public Flux<UUID> groupsOf(UUID userId) {
        return cql.all("SELECT group_id FROM groups_by_user WHERE user_id = ?", userId).map(row -> row.getUuid(0));
    }

    public Mono<Void> put(UUID groupId, Member member) {
        return Mono.zip(
                        cql.bind("INSERT INTO group_members (group_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)",
                                groupId, member.userId(), member.role().wireName(), member.joinedAt()),
                        cql.bind("INSERT INTO groups_by_user (user_id, group_id, joined_at) VALUES (?, ?, ?)",
                                member.userId(), groupId, member.joinedAt()))
                .flatMap(both -> cql.execute(BatchStatement.newInstance(BatchType.LOGGED, both.getT1(), both.getT2())))
                .then();
    }

    public Mono<Void> remove(UUID groupId, UUID userId) {
        return Mono.zip(
                        cql.bind("DELETE FROM group_members WHERE group_id = ? AND user_id = ?", groupId, userId),
                        cql.bind("DELETE FROM groups_by_user WHERE user_id = ? AND group_id = ?", userId, groupId))
                .flatMap(both -> cql.execute(BatchStatement.newInstance(BatchType.LOGGED, both.getT1(), both.getT2())))
                .then();
    }

    private static Member member(Row row) {
        return new Member(row.getUuid("user_id"), Role.fromWireName(row.getString("role")), row.getInstant("joined_at"));
    }
}
