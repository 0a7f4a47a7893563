package io.parley.chat.fanout;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.grpc.ObservationGrpcClientInterceptor;
import io.micrometer.observation.ObservationRegistry;
import io.parley.cassandra.async.AsyncCql;
import io.parley.chat.chatlist.ChatListStore;
import io.parley.chat.groups.GroupChatStore;
import io.parley.chat.kafka.KafkaSender;
import io.parley.chat.topics.ChatTopics;
import io.parley.connections.ConnectionRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.grpc.client.ChannelCredentialsProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class FanoutConfiguration {

    /** Only read here (gateways write it); the TTL applies to writes and is not used. */
    private static final Duration UNUSED_SESSION_TTL = Duration.ofSeconds(90);
    /**
     * Generous: under CPU starvation a lookup is slow, not lost, and a lookup that timed out stays queued on the
     * connection; retrying quickly would only add load (the first release's 1 s made every burst a push storm).
     */
    private static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(5);
    /** A few retries for a failure that passes (a fail-over, a reconnect), spaced out so they never pile up. */
    private static final List<Duration> RETRY_DELAYS = List.of(Duration.ofMillis(200), Duration.ofSeconds(1),
            Duration.ofSeconds(3));

    @Bean
    ConnectionRegistry sessionRegistry(ReactiveStringRedisTemplate redis) {
        return new ConnectionRegistry(redis, UNUSED_SESSION_TTL);
    }

    /**
     * Channels to gateways are made here (their addresses are only known at run time) but traced, and secured with
     * this service's certificate, like all others.
     */
    @Bean
    GatewayChannels gatewayChannels(FanoutSettings settings, ObjectProvider<ObservationGrpcClientInterceptor> tracing,
            ObservationRegistry observations, ChannelCredentialsProvider credentials) {
        return new GatewayChannels(settings.idleChannelTtl(),
                tracing.getIfAvailable(() -> new ObservationGrpcClientInterceptor(observations)), credentials);
    }

    /**
     * A user's devices change rarely; a minute bounds how long a device that went offline unseen by this instance is
     * not pushed while another device of the user is online (AckedDevices). ~200 bytes per user remembered.
     */
    private static final Duration KNOWN_DEVICES_TTL = Duration.ofMinutes(1);
    private static final long KNOWN_DEVICES_USERS = 100_000;

    /** A group's name changes rarely; a rename shows in pushes within a minute. */
    private static final Duration GROUP_NAME_TTL = Duration.ofMinutes(1);
    /** Requests held while the user is active elsewhere: each is an entry without its body, well under 1 KB. */
    private static final int MAX_HELD_PUSH_REQUESTS = 100_000;

    private static PushRequests pushRequests(KafkaSender kafka, ChatTopics topics, FanoutSettings settings,
            MeterRegistry meters, Clock clock, ChatListStore chatLists, GroupChatStore groups) {
        return new PushRequests(kafka, topics.pushRequests().name(), new PushChecks(chatLists, groups, GROUP_NAME_TTL),
                settings.pushHeldWhileOnline(), MAX_HELD_PUSH_REQUESTS, meters, clock);
    }

    @Bean
    DeliveryFanout deliveryFanout(ConnectionRegistry registry, GatewayChannels channels, KafkaSender kafka, ChatTopics topics,
            FanoutSettings settings, MeterRegistry meters, Clock clock, AsyncCql cql, ChatListStore chatLists,
            GroupChatStore groups) {
        OnlineDevices devices = userId -> registry.onlineDevices(userId).collectList().timeout(REGISTRY_TIMEOUT).toFuture();
        DeviceDelivery delivery = new GatewayDelivery(new GatewayDirectory(registry, channels), settings.deliverDeadline());
        Duration admissionWait = settings.deliverDeadline().plus(REGISTRY_TIMEOUT).multipliedBy(2);
        KnownDevices known = new AckedDevices(cql, KNOWN_DEVICES_TTL, KNOWN_DEVICES_USERS);
        return new DeliveryFanout(devices, known, delivery, pushRequests(kafka, topics, settings, meters, clock, chatLists, groups),
                new FanoutMetrics(meters, clock), settings.maxInFlight(), admissionWait, RETRY_DELAYS);
    }
}
