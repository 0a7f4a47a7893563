package io.parley.user.auth;

import io.parley.user.error.ApiProblem;
import io.parley.user.ratelimit.FixedWindowCounters;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One counter per username and one per client address; every attempt counts, successful or not, so guessing
 * passwords costs the same whether the guesses are right.
 */
@Component
class LoginRateLimiter {

    private final FixedWindowCounters counters;
    private final LoginRateLimitSettings settings;

    LoginRateLimiter(FixedWindowCounters counters, LoginRateLimitSettings settings) {
        this.counters = counters;
        this.settings = settings;
    }

    /** Counts one attempt; fails with 429 and Retry-After when either limit is exceeded. */
    Mono<Void> attempt(String username, String clientAddress) {
        return Mono.zip(counters.count("login:user:" + username, settings.perUsername()),
                        counters.count("login:address:" + clientAddress, settings.perAddress()))
                .flatMap(waits -> {
                    Duration wait = waits.getT1().compareTo(waits.getT2()) >= 0 ? waits.getT1() : waits.getT2();
                    return wait.isZero() ? Mono.empty() : Mono.error(ApiProblem.tooManyRequests(wait));
                });
    }
}
