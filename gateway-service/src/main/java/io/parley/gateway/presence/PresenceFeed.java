package io.parley.gateway.presence;

import java.time.Duration;
import java.util.HashMap;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Follows the presence changes of every user some connection here watches: one Redis channel subscription per watched
 * user and gateway (presence.proto names the channel and its messages), however many connections watch the user. A
 * change therefore costs presence-service one PUBLISH, and this gateway one lookup in {@link Watchers}.
 */
@Component
public class PresenceFeed {

    private static final Logger log = LoggerFactory.getLogger(PresenceFeed.class);
    private static final String CHANNEL_PREFIX = "parley:presence:";
    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(5);

    private record Following(Disposable listening, Mono<Void> ready) {
    }

    private final ReactiveRedisMessageListenerContainer listener;
    private final Watchers watchers;
    private final Map<String, Following> following = new HashMap<>();

    PresenceFeed(ReactiveRedisConnectionFactory connections, Watchers watchers) {
        this.listener = new ReactiveRedisMessageListenerContainer(connections);
        this.watchers = watchers;
        watchers.onFirstAndLastWatcher(this::follow, this::unfollow);
    }

    private synchronized void follow(String userId) {
        if (following.containsKey(userId)) {
            return;
        }
        var subscribed = listener.receiveLater(ChannelTopic.of(CHANNEL_PREFIX + userId)).cache();
        Disposable listening = subscribed.flatMapMany(messages -> messages)
                .subscribe(message -> changed(userId, message.getMessage()),
                        error -> log.warn("Stopped following the presence of {}: {}", userId, error.toString()));
        following.put(userId, new Following(listening, subscribed.then()));
    }

    /** The last watcher left; a new one may have come meanwhile, so this checks before it stops following. */
    private synchronized void unfollow(String userId) {
        if (!watchers.of(userId).isEmpty()) {
            return;
        }
        Following gone = following.remove(userId);
        if (gone != null) {
            gone.listening().dispose();
        }
    }

    /** Completes once Redis confirmed this gateway follows the user (at once if it does not follow them). */
    Mono<Void> ready(String userId) {
        Following current;
        synchronized (this) {
            current = following.get(userId);
        }
        return current == null ? Mono.empty() : current.ready().timeout(SUBSCRIBE_TIMEOUT).onErrorResume(error -> Mono.empty());
    }

    private void changed(String userId, String message) {
        int separator = message.indexOf('|');
        if (separator != 1) {
            log.warn("Ignoring a malformed presence change of {}", userId);
            return;
        }
        boolean online = message.charAt(0) == '1';
        long lastSeen;
        try {
            lastSeen = Long.parseLong(message.substring(2));
        } catch (NumberFormatException malformed) {
            log.warn("Ignoring a malformed presence change of {}", userId);
            return;
        }
        for (PresenceSubscriptions watcher : watchers.of(userId)) {
            watcher.changed(userId, online, lastSeen);
        }
    }

    int followed() {
        synchronized (this) {
            return following.size();
        }
    }

    @PreDestroy
    void stop() {
        synchronized (this) {
            following.values().forEach(f -> f.listening().dispose());
            following.clear();
        }
        listener.destroyLater().subscribe(null, error -> log.debug("Closing the presence listener: {}", error.toString()));
    }
}
