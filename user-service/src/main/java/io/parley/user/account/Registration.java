package io.parley.user.account;

import io.parley.user.error.ApiProblem;
import io.parley.proto.error.v1.ErrorReason;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Creates accounts. The user row is written before the username is claimed, so a claim never points at
 * a missing account; a lost claim deletes its user row again.
 */
@Service
class Registration {

    private final AccountStore accounts;
    private final PasswordHashing hashing;
    private final RegistrationRateLimiter rateLimiter;
    private final Clock clock;

    Registration(AccountStore accounts, PasswordHashing hashing, RegistrationRateLimiter rateLimiter, Clock clock) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    Mono<Account> register(RegistrationRequest request, String clientAddress) {
        String username = Username.normalize(request.username());
        // A cheap read first spares an Argon2 hash for names that are plainly taken; the claim below decides races.
        return rateLimiter.attempt(clientAddress)
                .then(accounts.userIdOf(username))
                .flatMap(owner -> Mono.<Account>error(taken(username)))
                .switchIfEmpty(Mono.defer(() -> hashing.hash(request.password())
                        .map(hash -> new Account(UUID.randomUUID(), username, hash, request.displayName().strip(), clock.instant()))
                        .flatMap(account -> claim(account, username))));
    }

    private Mono<Account> claim(Account account, String username) {
        return accounts.insert(account)
                .then(accounts.claimUsername(username, account.userId()))
                .flatMap(won -> won
                        ? Mono.just(account)
                        : accounts.delete(account.userId()).then(Mono.error(taken(username))));
    }

    private static ApiProblem taken(String username) {
        return ApiProblem.withField(ErrorReason.USERNAME_TAKEN, "username", "'" + username + "' is already taken");
    }
}
