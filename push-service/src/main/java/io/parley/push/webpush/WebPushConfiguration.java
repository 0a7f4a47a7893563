package io.parley.push.webpush;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** Web Push is on when a VAPID key pair is set (parley.push.web-push.private-key and public-key). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "parley.push.web-push", name = "private-key")
class WebPushConfiguration {

    @Bean
    WebPushSender webPushSender(WebPushSettings settings, JsonMapper json, Clock clock) {
        return new WebPushSender(WebClient.create(), new Vapid(settings, clock), json, clock, settings.sendTimeout());
    }
}
