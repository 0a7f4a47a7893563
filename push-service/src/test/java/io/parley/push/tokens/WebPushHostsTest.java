package io.parley.push.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Web Push endpoint hosts the default list admits: the browsers' push services and nothing that imitates them. */
class WebPushHostsTest {

    private final TokenSettings defaults = new TokenSettings(false,
            List.of("fcm.googleapis.com", "updates.push.services.mozilla.com", "*.notify.windows.com", "web.push.apple.com"),
            Duration.ofHours(1));

    @ParameterizedTest
    @CsvSource({
            "fcm.googleapis.com, true",
            "FCM.googleapis.com, true",
            "updates.push.services.mozilla.com, true",
            "wns2-par02p.notify.windows.com, true",
            "web.push.apple.com, true",
            // the bare domain of a wildcard is not one of its subdomains
            "notify.windows.com, false",
            "evilnotify.windows.com, false",
            "fcm.googleapis.com.attacker.example, false",
            "127.0.0.1, false",
            "billing.internal, false"})
    void admitsOnlyTheListedPushServices(String host, boolean admitted) {
        assertThat(defaults.allowsWebPushHost(host)).isEqualTo(admitted);
    }
}
