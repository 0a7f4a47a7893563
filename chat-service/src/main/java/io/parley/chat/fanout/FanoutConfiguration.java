package io.parley.chat.fanout;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.grpc.ObservationGrpcClientInterceptor;
import io.micrometer.observation.ObservationRegistry;
import io.parley.chat.kafka.KafkaSender;
import io.parley.chat.topics.ChatTopics;
import io.parley.sessions.SessionRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class FanoutConfiguration {

    /** Only read here (gateways write it); the TTL applies to writes and is not used. */
    private static final Duration UNUSED_SESSION_TTL = Duration.ofSeconds(90);
    private static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(1);
    /** About 3 s of retries: longer than a GC pause or a Redis fail-over blip, short of the device's own gap wait. */
    private static final List<Duration> RETRY_DELAYS = List.of(Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofMillis(1600));

    @Bean
    SessionRegistry sessionRegistry(ReactiveStringRedisTemplate redis) {
        return new SessionRegistry(redis, UNUSED_SESSION_TTL);
    }

    /** Channels to gateways are made here (their addresses are only known at run time) but traced like all others. */
    @Bean
    GatewayChannels gatewayChannels(FanoutSettings settings, ObjectProvider<ObservationGrpcClientInterceptor> tracing,
            ObservationRegistry observations) {
        return new GatewayChannels(settings.idleChannelTtl(),
                tracing.getIfAvailable(() -> new ObservationGrpcClientInterceptor(observations)));
    }

    @Bean
    DeliveryFanout deliveryFanout(SessionRegistry registry, GatewayChannels channels, KafkaSender kafka, ChatTopics topics,
            FanoutSettings settings, MeterRegistry meters, Clock clock) {
        OnlineDevices devices = userId -> registry.onlineDevices(userId).collectList().timeout(REGISTRY_TIMEOUT).toFuture();
        DeviceDelivery delivery = new GatewayDelivery(new GatewayDirectory(registry, channels), settings.deliverDeadline());
        Duration admissionWait = settings.deliverDeadline().plus(REGISTRY_TIMEOUT).multipliedBy(2);
        return new DeliveryFanout(devices, delivery, new PushRequests(kafka, topics.pushRequests().name(), clock),
                new FanoutMetrics(meters, clock), settings.maxInFlight(), admissionWait, RETRY_DELAYS);
    }
}
