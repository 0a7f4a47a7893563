package io.parley.gateway.typing;

import io.parley.connections.DeviceLocation;
import io.parley.gateway.instance.GatewayInstanceSettings;
import io.parley.gateway.presence.PresenceSubscriptions;
import io.parley.gateway.presence.Watchers;
import io.parley.protocol.ServerFrame;
import io.parley.protocol.TypingState;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import io.parley.gateway.connection.DeviceConnection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Carries typing to the devices that should see it, wherever they are connected. Every gateway listens on one Redis
 * channel of its own; a typing frame costs one PUBLISH per other gateway holding a device of the receiver (usually
 * none or one), never a call per watcher. A device here is served without Redis. A connection receives the typing
 * only while it has the chat open: it watches the sender ({@code subscribe_presence}, found in {@link Watchers}) or
 * opened the chat ({@code open_chat}, found in {@link ChatOpeners}).
 */
@Component
class TypingRelay {

    private static final Logger log = LoggerFactory.getLogger(TypingRelay.class);
    private static final String CHANNEL_PREFIX = "parley:typing:";
    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveStringRedisTemplate redis;
    private final ReactiveRedisMessageListenerContainer listener;
    private final Watchers watchers;
    private final ChatOpeners openers;
    private final String gatewayId;
    private final Disposable listening;

    TypingRelay(ReactiveStringRedisTemplate redis, ReactiveRedisConnectionFactory connections, Watchers watchers,
            ChatOpeners openers, GatewayInstanceSettings instance) {
        this.redis = redis;
        this.watchers = watchers;
        this.openers = openers;
        this.gatewayId = instance.id();
        this.listener = new ReactiveRedisMessageListenerContainer(connections);
        // Waits until Redis confirmed the subscription, so that the gateway takes no connection it could not serve.
        this.listening = listener.receiveLater(ChannelTopic.of(channel(gatewayId))).block(SUBSCRIBE_TIMEOUT)
                .subscribe(message -> receive(message.getMessage()),
                        error -> log.error("Typing relay of gateway {} stopped: {}", gatewayId, error.toString()));
    }

    static String channel(String gatewayId) {
        return CHANNEL_PREFIX + gatewayId;
    }

    /** Sends {@code typing} to the receiver's connected devices, one message per gateway holding some. */
    Mono<Void> relay(String chat, String fromUser, TypingState state, List<DeviceLocation> receivers) {
        TypingEvent event = new TypingEvent(chat, fromUser, state, receivers.get(0).userId());
        return Flux.fromIterable(receivers.stream().map(DeviceLocation::gatewayId).collect(Collectors.toSet()))
                .flatMap(gateway -> {
                    if (gateway.equals(gatewayId)) {
                        deliver(event);
                        return Mono.empty();
                    }
                    return redis.convertAndSend(channel(gateway), event.encode()).then();
                })
                .then();
    }

    private void receive(String message) {
        try {
            deliver(TypingEvent.decode(message));
        } catch (IllegalArgumentException malformed) {
            log.warn("Ignoring a malformed typing relay message on gateway {}", gatewayId);
        }
    }

    /** To the receiver's connections here that watch the sender or opened the chat ({@code open_chat}), once each. */
    private void deliver(TypingEvent event) {
        ServerFrame.Typing frame = new ServerFrame.Typing(event.chat(), event.fromUser(), event.state());
        Set<DeviceConnection> receivers = new HashSet<>();
        for (PresenceSubscriptions watcher : watchers.of(event.fromUser())) {
            receivers.add(watcher.connection());
        }
        for (OpenChats opener : openers.of(event.chat())) {
            receivers.add(opener.connection());
        }
        for (DeviceConnection receiver : receivers) {
            if (receiver.identity().userId().equals(event.toUser())) {
                receiver.offer(frame);
            }
        }
    }

    @PreDestroy
    void stop() {
        listening.dispose();
        listener.destroyLater().subscribe(null, error -> log.debug("Closing the typing listener: {}", error.toString()));
    }
}
