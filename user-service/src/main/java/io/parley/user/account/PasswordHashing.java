package io.parley.user.account;

import io.parley.user.error.ApiProblem;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Argon2id with OWASP's parameters (19 MiB, 2 iterations, 1 lane). Hashing is deliberately slow and
 * memory-hungry, so it runs on schedulers of its own instead of the event loop, with bounded queues. Logins
 * (verifying) and registrations (hashing a new password) have separate ones: a flood of registrations queues,
 * and then is refused with 429, behind its own threads, while logins keep one thread per core.
 */
@Component
public class PasswordHashing implements DisposableBean {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int PARALLELISM = 1;
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;

    private static final int QUEUED_REGISTRATIONS = 64;
    private static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(5);

    private final Argon2PasswordEncoder encoder =
            new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);

    private final Scheduler logins = Schedulers.newBoundedElastic(
            Runtime.getRuntime().availableProcessors(), 10_000, "password-verifying");
    private final Scheduler registrations = Schedulers.newBoundedElastic(
            Math.max(1, Runtime.getRuntime().availableProcessors() / 2), QUEUED_REGISTRATIONS, "password-hashing");
    /** Verified against when the username is unknown, so both cases take the same time. */
    private final String decoy = encoder.encode("decoy password that matches nothing");

    /** Hashes a new account's password; 429 when {@value #QUEUED_REGISTRATIONS} registrations already wait. */
    public Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(registrations)
                .onErrorMap(RejectedExecutionException.class, busy -> ApiProblem.tooManyRequests(BUSY_RETRY_AFTER));
    }

    /** False when {@code hash} is null (no such account), after spending the same effort. */
    public Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> encoder.matches(password, hash != null ? hash : decoy) && hash != null)
                .subscribeOn(logins);
    }

    @Override
    public void destroy() {
        logins.dispose();
        registrations.dispose();
    }
}
