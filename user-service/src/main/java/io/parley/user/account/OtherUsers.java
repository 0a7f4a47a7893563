package io.parley.user.account;

import io.parley.user.error.ApiProblem;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Checks on the other user a relation (contact, block) points at: an existing user who is not the caller. */
@Component
public class OtherUsers {

    private final AccountStore accounts;

    OtherUsers(AccountStore accounts) {
        this.accounts = accounts;
    }

    /** Emits {@code other} when it is an existing user other than {@code self}; 400 for yourself, 404 for nobody. */
    public Mono<UUID> requireExistingOther(UUID self, UUID other, String field) {
        if (self.equals(other)) {
            return Mono.error(ApiProblem.invalidField(field, "must be another user than yourself"));
        }
        return accounts.exists(other).flatMap(exists -> exists
                ? Mono.just(other)
                : Mono.error(ApiProblem.notFound("No user " + other)));
    }
}
