package io.parley.push.fcm;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** FCM is on when a service account is set (parley.push.fcm.service-account). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "parley.push.fcm", name = "service-account")
class FcmConfiguration {

    @Bean
    FcmPushSender fcmPushSender(FcmSettings settings, JsonMapper mapper, Clock clock) {
        ServiceAccount account = ServiceAccount.parse(settings.serviceAccount(), mapper);
        WebClient http = WebClient.create();
        FcmAccessTokens tokens = new FcmAccessTokens(account, http, clock, settings.refreshMargin(), settings.sendTimeout());
        return new FcmPushSender(http, settings.endpoint(), account.projectId(), tokens, clock, settings.sendTimeout());
    }
}
