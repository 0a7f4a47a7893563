package io.parley.gateway.index;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * One Redis channel subscription per key (a watched user, an open group chat) on one connection of this gateway,
 * however many of its connections need the key: an event costs its publisher one PUBLISH, and this gateway one
 * lookup in its {@link LocalIndex}.
 */
public final class ChannelFollows {

    private static final Logger log = LoggerFactory.getLogger(ChannelFollows.class);
    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(5);

    private record Following(Disposable listening, Mono<Void> ready) {
    }

    private final ReactiveRedisMessageListenerContainer listener;
    private final String channelPrefix;
    private final BiConsumer<String, String> onMessage;
    private final Predicate<String> stillNeeded;
    private final Map<String, Following> following = new HashMap<>();

    /**
     * @param onMessage gets each message with its key
     * @param stillNeeded whether some connection here still needs a key whose last user was reported gone (a new
     *        one may have come meanwhile)
     */
    public ChannelFollows(ReactiveRedisConnectionFactory connections, String channelPrefix,
            BiConsumer<String, String> onMessage, Predicate<String> stillNeeded) {
        this.listener = new ReactiveRedisMessageListenerContainer(connections);
        this.channelPrefix = channelPrefix;
        this.onMessage = onMessage;
        this.stillNeeded = stillNeeded;
    }

    public synchronized void follow(String key) {
        if (following.containsKey(key)) {
            return;
        }
        var subscribed = listener.receiveLater(ChannelTopic.of(channelPrefix + key)).cache();
        Disposable listening = subscribed.flatMapMany(messages -> messages)
                .subscribe(message -> onMessage.accept(key, message.getMessage()),
                        error -> log.warn("Stopped following {}{}: {}", channelPrefix, key, error.toString()));
        following.put(key, new Following(listening, subscribed.then()));
    }

    public synchronized void unfollow(String key) {
        if (stillNeeded.test(key)) {
            return;
        }
        Following gone = following.remove(key);
        if (gone != null) {
            gone.listening().dispose();
        }
    }

    /** Completes once Redis confirmed the subscription of {@code key} (at once if it is not followed). */
    public Mono<Void> ready(String key) {
        Following current;
        synchronized (this) {
            current = following.get(key);
        }
        return current == null ? Mono.empty() : current.ready().timeout(SUBSCRIBE_TIMEOUT).onErrorResume(error -> Mono.empty());
    }

    public synchronized int followed() {
        return following.size();
    }

    public void stop() {
        synchronized (this) {
            following.values().forEach(f -> f.listening().dispose());
            following.clear();
        }
        listener.destroyLater().subscribe(null, error -> log.debug("Closing the {} listener: {}", channelPrefix, error.toString()));
    }
}
