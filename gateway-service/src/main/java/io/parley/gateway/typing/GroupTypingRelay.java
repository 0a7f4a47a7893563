package io.parley.gateway.typing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.gateway.index.ChannelFollows;
import io.parley.gateway.instance.GatewayInstanceSettings;
import io.parley.protocol.ServerFrame;
import io.parley.protocol.TypingState;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Carries typing of group chats. A typing frame costs ONE PUBLISH on the chat's channel
 * {@code parley:typing:chat:<chat>}, whatever the group's size; a gateway follows that channel while at least one of
 * its connections has the chat open ({@link ChatOpeners}), so Redis hands the frame only to those gateways. Each
 * serves its own openers, other than the sender's own devices, that are members now and neither block nor are
 * blocked by the sender (both answers cached); an opener found no longer a member has the chat closed. The sending
 * gateway serves its own openers without Redis.
 */
@Component
class GroupTypingRelay {

    private static final Logger log = LoggerFactory.getLogger(GroupTypingRelay.class);
    static final String CHANNEL_PREFIX = "parley:typing:chat:";

    private final ReactiveStringRedisTemplate redis;
    private final ChatOpeners openers;
    private final Memberships memberships;
    private final Blocks blocks;
    private final String gatewayId;
    private final ChannelFollows follows;
    private final Counter published;
    private final Counter delivered;

    GroupTypingRelay(ReactiveStringRedisTemplate redis, ReactiveRedisConnectionFactory connections, ChatOpeners openers,
            Memberships memberships, Blocks blocks, GatewayInstanceSettings instance, MeterRegistry meters) {
        this.redis = redis;
        this.openers = openers;
        this.memberships = memberships;
        this.blocks = blocks;
        this.gatewayId = instance.id();
        this.follows = new ChannelFollows(connections, CHANNEL_PREFIX, (chat, message) -> receive(message),
                chat -> openers.openers(chat) > 0);
        openers.onFirstAndLastOpener(chat -> {
            if (GroupChat.isGroup(chat)) {
                follows.follow(chat);
            }
        }, follows::unfollow);
        this.published = Counter.builder("parley.gateway.typing.group.published")
                .description("Group typing frames published on their chat's channel (one PUBLISH each)").register(meters);
        this.delivered = Counter.builder("parley.gateway.typing.group.delivered")
                .description("Group typing frames queued for connections that have the chat open").register(meters);
        Gauge.builder("parley.gateway.typing.followed-chats", follows::followed)
                .description("Group chats whose typing channel this gateway follows").register(meters);
    }

    /** Completes once this gateway follows {@code chat}'s channel (at once if it does not). */
    Mono<Void> ready(String chat) {
        return follows.ready(chat);
    }

    /** Serves this gateway's openers of {@code chat}, then publishes once for the other gateways. */
    Mono<Void> relay(String chat, String fromUser, TypingState state) {
        GroupTyping event = new GroupTyping(chat, fromUser, state, gatewayId);
        deliver(event);
        published.increment();
        return redis.convertAndSend(CHANNEL_PREFIX + chat, event.encode()).then();
    }

    private void receive(String message) {
        GroupTyping event;
        try {
            event = GroupTyping.decode(message);
        } catch (IllegalArgumentException malformed) {
            log.warn("Ignoring a malformed group typing message on gateway {}", gatewayId);
            return;
        }
        if (!event.originGateway().equals(gatewayId)) {
            deliver(event);
        }
    }

    private void deliver(GroupTyping event) {
        ServerFrame.Typing frame = new ServerFrame.Typing(event.chat(), event.fromUser(), event.state());
        Flux.fromIterable(openers.of(event.chat()))
                .filter(opener -> !opener.userId().equals(event.fromUser()))
                .flatMap(opener -> mayReceive(opener, event).filter(Boolean::booleanValue).doOnNext(yes -> {
                    opener.connection().offer(frame);
                    delivered.increment();
                }))
                .subscribe(null, failure -> log.debug("Typing in {} not delivered: {}", event.chat(), failure.toString()));
    }

    /** A member now (else the chat is closed for it), not blocked either way; false when it cannot be checked. */
    private Mono<Boolean> mayReceive(OpenChats opener, GroupTyping event) {
        return memberships.isMember(opener.userId(), event.chat())
                .flatMap(member -> {
                    if (!member) {
                        opener.close(event.chat());
                        return Mono.just(false);
                    }
                    return blocks.reach(event.fromUser(), opener.userId()).map(reach -> reach == Reach.OPEN);
                })
                .onErrorResume(failure -> {
                    log.debug("Cannot check {} for typing in {}: {}", opener.connection(), event.chat(), failure.toString());
                    return Mono.just(false);
                });
    }

    @PreDestroy
    void stop() {
        follows.stop();
    }
}
