package io.parley.user.account;

import io.parley.cassandra.async.ReactiveCql;
import io.parley.user.storage.Lwt;
import java.util.UUID;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Accounts and the usernames they own. */
@Repository
public class AccountStore {

    private final ReactiveCql cql;

    AccountStore(ReactiveCql cql) {
        this.cql = cql;
    }

    Mono<Void> insert(Account account) {
        return cql.run("INSERT INTO users (user_id, username, password_hash, display_name, created_at) VALUES (?, ?, ?, ?, ?)",
                account.userId(), account.username(), account.passwordHash(), account.displayName(), account.createdAt());
    }

    Mono<Void> delete(UUID userId) {
        return cql.run("DELETE FROM users WHERE user_id = ?", userId);
    }

    /**
     * Claims {@code username} for {@code userId}; exactly one of any number of concurrent claims wins.
     * When Cassandra cannot confirm the outcome, a serial read tells whether this claim is the one that landed.
     */
    Mono<Boolean> claimUsername(String username, UUID userId) {
        return cql.applied("INSERT INTO usernames (username, user_id) VALUES (?, ?) IF NOT EXISTS", username, userId)
                .onErrorResume(Lwt::outcomeUnknown, unknown -> cql
                        .oneSerial("SELECT user_id FROM usernames WHERE username = ?", username)
                        .map(row -> userId.equals(row.getUuid("user_id")))
                        .defaultIfEmpty(false));
    }

    /** The user owning a (normalized) username. */
    public Mono<UUID> userIdOf(String username) {
        return cql.one("SELECT user_id FROM usernames WHERE username = ?", username).mapNotNull(row -> row.getUuid("user_id"));
    }

    public Mono<Account> find(UUID userId) {
        return cql.one("SELECT user_id, username, password_hash, display_name, created_at FROM users WHERE user_id = ?", userId)
                .filter(row -> row.getString("username") != null)
                .map(row -> new Account(row.getUuid("user_id"), row.getString("username"), row.getString("password_hash"),
                        row.getString("display_name"), row.getInstant("created_at")));
    }

    /** The account that owns the username, for login. */
    public Mono<Account> findByUsername(String username) {
        return userIdOf(username).flatMap(this::find);
    }

    public Mono<Boolean> exists(UUID userId) {
        return find(userId).hasElement();
    }
}
