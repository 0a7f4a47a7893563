package io.parley.user.account;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Argon2id with OWASP's parameters (19 MiB, 2 iterations, 1 lane). Hashing is deliberately slow and
 * memory-hungry, so it runs on its own scheduler with one thread per core: a burst of logins queues
 * instead of starving the event loop or allocating 19 MiB per concurrent request.
 */
@Component
public class PasswordHashing implements DisposableBean {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int PARALLELISM = 1;
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;

    private final Argon2PasswordEncoder encoder =
            new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
    private final Scheduler scheduler = Schedulers.newBoundedElastic(
            Runtime.getRuntime().availableProcessors(), 10_000, "password-hashing");
    /** Verified against when the username is unknown, so both cases take the same time. */
    private final String decoy = encoder.encode("decoy password that matches nothing");

    public Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(scheduler);
    }

    /** False when {@code hash} is null (no such account), after spending the same effort. */
    public Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> encoder.matches(password, hash != null ? hash : decoy) && hash != null)
                .subscribeOn(scheduler);
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }
}
