package io.parley.user.block;

import io.parley.user.account.OtherUsers;
import io.parley.cassandra.async.ReactiveCql;
import io.parley.user.storage.UserRelationTable;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Who blocks whom. chat-service asks before every send (gRPC CheckBlocked): a blocked user cannot message the blocker. */
@Service
public class Blocks {

    private final UserRelationTable table;
    private final OtherUsers otherUsers;
    private final Clock clock;

    Blocks(ReactiveCql cql, OtherUsers otherUsers, Clock clock) {
        this.table = new UserRelationTable(cql, "blocks", "blocked_id", "blocked_at");
        this.otherUsers = otherUsers;
        this.clock = clock;
    }

    /** Both directions between a user and the one they want to reach. */
    public record Status(boolean blockedByTarget, boolean blocksTarget) {
    }

    Mono<Void> block(UUID userId, UUID blockedId) {
        return otherUsers.requireExistingOther(userId, blockedId, "blockedUserId")
                .flatMap(other -> table.add(userId, other, clock.instant()));
    }

    Mono<Void> unblock(UUID userId, UUID blockedId) {
        return table.remove(userId, blockedId);
    }

    Mono<UserRelationTable.Page> page(UUID userId, UUID after, int limit) {
        return table.page(userId, after, limit);
    }

    public Mono<Status> check(UUID userId, UUID targetUserId) {
        return Mono.zip(table.contains(targetUserId, userId), table.contains(userId, targetUserId))
                .map(both -> new Status(both.getT1(), both.getT2()));
    }
}
