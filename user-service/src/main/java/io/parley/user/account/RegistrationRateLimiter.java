package io.parley.user.account;

import io.parley.user.error.ApiProblem;
import io.parley.user.ratelimit.FixedWindowCounters;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** One counter per client address; every registration attempt that passes validation counts. */
@Component
class RegistrationRateLimiter {

    private final FixedWindowCounters counters;
    private final RegistrationRateLimitSettings settings;

    RegistrationRateLimiter(FixedWindowCounters counters, RegistrationRateLimitSettings settings) {
        this.counters = counters;
        this.settings = settings;
    }

    /** Counts one attempt; fails with 429 and Retry-After over the limit. */
    Mono<Void> attempt(String clientAddress) {
        return counters.count("register:address:" + clientAddress, settings.perAddress())
                .flatMap(wait -> wait.isZero() ? Mono.empty() : Mono.error(ApiProblem.tooManyRequests(wait)));
    }
}
