package io.parley.gateway.presence;

import io.parley.protocol.ClientFrame;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.Protocol;
import io.parley.protocol.ServerFrame;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code subscribe_presence} and {@code unsubscribe_presence}: which users a connection watches, which is also
 * which 1:1 chats it has open for {@code typing}. A subscription first follows the users' changes (so none is missed),
 * then asks presence-service for their current state as this user may see it and sends a {@code presence} frame for
 * each visible one. Answered otherwise only by {@code error}: over the cap, or presence-service unavailable (the
 * subscription stays, for typing; subscribing again later asks again).
 */
@Component
public class PresenceHandler {

    private static final Logger log = LoggerFactory.getLogger(PresenceHandler.class);

    private final PresenceFeed feed;
    private final PresenceServiceClient presence;

    PresenceHandler(PresenceFeed feed, PresenceServiceClient presence) {
        this.feed = feed;
        this.presence = presence;
    }

    public Mono<Void> subscribe(PresenceSubscriptions subscriptions, ClientFrame.SubscribePresence subscribe) {
        List<String> asked = subscriptions.add(subscribe.users());
        if (asked == null) {
            subscriptions.connection().offer(new ServerFrame.Error(subscribe.ref(), ErrorCode.INVALID_FIELD,
                    "a connection watches at most " + Protocol.MAX_PRESENCE_SUBSCRIPTIONS
                            + " users; unsubscribe some first", false));
            return Mono.empty();
        }
        if (asked.isEmpty()) {
            return Mono.empty();
        }
        String viewer = subscriptions.connection().identity().userId();
        return Flux.fromIterable(asked).flatMap(feed::ready).then(Mono.defer(() -> presence.presenceOf(viewer, asked)))
                .doOnNext(answer -> answer.getUsersList().forEach(user -> subscriptions.answered(user.getUserId(),
                        user.getVisible(), user.getOnline(), user.getLastSeenEpochMillis())))
                .then()
                .onErrorResume(failure -> {
                    log.debug("Cannot get presence for {}: {}", subscriptions.connection(), failure.toString());
                    subscriptions.connection().offer(new ServerFrame.Error(subscribe.ref(), ErrorCode.UNAVAILABLE,
                            "presence is unavailable; subscribe again later", true));
                    return Mono.empty();
                });
    }

    public Mono<Void> unsubscribe(PresenceSubscriptions subscriptions, ClientFrame.UnsubscribePresence unsubscribe) {
        subscriptions.remove(unsubscribe.users());
        return Mono.empty();
    }
}
