package io.parley.push.delivery;

import io.parley.push.tokens.Platform;
import io.parley.push.tokens.PushToken;
import reactor.core.publisher.Mono;

/**
 * Sends one notification to one token of its platform. Never fails the Mono for what the platform answered: every
 * answer is a {@link SendOutcome}; a transport failure is a {@link SendOutcome.RetryLater}.
 */
public interface PushSender {

    Platform platform();

    Mono<SendOutcome> send(PushToken token, Notification notification);

    /** Whether this platform can remove a shown notification without showing one ({@link #clear}). */
    default boolean clears() {
        return false;
    }

    /** Sends a collapsing "clear" of the chat's notification; only called when {@link #clears()}. */
    default Mono<SendOutcome> clear(PushToken token, ChatClear clear) {
        return Mono.just(new SendOutcome.Rejected(platform().code() + " cannot clear a notification"));
    }
}
