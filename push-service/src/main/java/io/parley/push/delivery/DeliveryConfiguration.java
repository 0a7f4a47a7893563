package io.parley.push.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.cassandra.async.ReactiveCql;
import io.parley.push.tokens.Platform;
import io.parley.push.tokens.PushPreferences;
import io.parley.push.tokens.PushTokenStore;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delivery of push requests through the platforms whose credentials are set (each platform's package adds its sender). */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeliveryConfiguration.class);

    @Bean
    PushDelivery pushDelivery(PushTokenStore tokens, PushPreferences preferences, ReactiveCql cql, ObjectProvider<PushSender> available,
            DeliverySettings settings, MeterRegistry registry, Clock clock) {
        List<PushSender> senders = available.orderedStream().toList();
        Set<Platform> enabled = senders.stream().map(PushSender::platform).collect(Collectors.toSet());
        log.info("Push platforms enabled: {}; disabled for lack of credentials: {}",
                enabled.stream().map(Platform::code).sorted().toList(),
                Arrays.stream(Platform.values()).filter(platform -> !enabled.contains(platform)).map(Platform::code).toList());
        return new PushDelivery(tokens, preferences, new SentMarkers(cql, settings.sentMarkerTtl()),
                new ShownNotifications(cql, settings.timeToLive()),
                new CollapseWindows(cql, settings.collapseWindow(), settings.timeToLive()), senders, settings,
                new DeliveryMetrics(registry), clock);
    }

    @Bean
    PushRequestListener pushRequestListener(PushDelivery delivery) {
        return new PushRequestListener(delivery);
    }
}
