package io.parley.gateway.presence;

import io.parley.protocol.ClientFrame;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.Protocol;
import io.parley.protocol.ServerFrame;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code subscribe_presence} and {@code unsubscribe_presence}: which users a connection watches, which is also
 * which 1:1 chats it has open for {@code typing}. Answered only by {@code error}.
 */
@Component
public class PresenceHandler {

    public Mono<Void> subscribe(PresenceSubscriptions subscriptions, ClientFrame.SubscribePresence subscribe) {
        List<String> added = subscriptions.add(subscribe.users());
        if (added == null) {
            subscriptions.connection().offer(new ServerFrame.Error(subscribe.ref(), ErrorCode.INVALID_FIELD,
                    "a connection watches at most " + Protocol.MAX_PRESENCE_SUBSCRIPTIONS
                            + " users; unsubscribe some first", false));
        }
        return Mono.empty();
    }

    public Mono<Void> unsubscribe(PresenceSubscriptions subscriptions, ClientFrame.UnsubscribePresence unsubscribe) {
        subscriptions.remove(unsubscribe.users());
        return Mono.empty();
    }
}
