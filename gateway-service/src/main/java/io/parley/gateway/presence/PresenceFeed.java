package io.parley.gateway.presence;

import io.parley.gateway.index.ChannelFollows;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.stereotype.Component;
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

    private final Watchers watchers;
    private final ChannelFollows follows;

    PresenceFeed(ReactiveRedisConnectionFactory connections, Watchers watchers) {
        this.watchers = watchers;
        this.follows = new ChannelFollows(connections, CHANNEL_PREFIX, this::changed, user -> !watchers.of(user).isEmpty());
        watchers.onFirstAndLastWatcher(follows::follow, follows::unfollow);
    }

    /** Completes once Redis confirmed this gateway follows the user (at once if it does not follow them). */
    Mono<Void> ready(String userId) {
        return follows.ready(userId);
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
        return follows.followed();
    }

    @PreDestroy
    void stop() {
        follows.stop();
    }
}
