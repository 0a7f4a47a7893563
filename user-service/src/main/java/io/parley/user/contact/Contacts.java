package io.parley.user.contact;

import io.parley.user.account.OtherUsers;
import io.parley.cassandra.async.ReactiveCql;
import io.parley.user.storage.UserRelationTable;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** A user's contact list; "contacts" in privacy settings means the users on it. */
@Service
public class Contacts {

    private final UserRelationTable table;
    private final OtherUsers otherUsers;
    private final Clock clock;

    Contacts(ReactiveCql cql, OtherUsers otherUsers, Clock clock) {
        this.table = new UserRelationTable(cql, "contacts", "contact_id", "added_at");
        this.otherUsers = otherUsers;
        this.clock = clock;
    }

    Mono<Void> add(UUID userId, UUID contactId) {
        return otherUsers.requireExistingOther(userId, contactId, "contactId")
                .flatMap(other -> table.add(userId, other, clock.instant()));
    }

    Mono<Void> remove(UUID userId, UUID contactId) {
        return table.remove(userId, contactId);
    }

    Mono<UserRelationTable.Page> page(UUID userId, UUID after, int limit) {
        return table.page(userId, after, limit);
    }

    /** Whether {@code contactId} is on {@code userId}'s list. */
    public Mono<Boolean> isContact(UUID userId, UUID contactId) {
        return table.contains(userId, contactId);
    }
}
