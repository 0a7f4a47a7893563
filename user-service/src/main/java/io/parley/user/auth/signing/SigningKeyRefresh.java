package io.parley.user.auth.signing;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Reloads (and when due rotates) the key ring every {@code parley.user.signing-keys.refresh-interval}. */
@Configuration(proxyBeanMethods = false)
class SigningKeyRefresh implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRefresh.class);

    private final SigningKeyRing ring;
    private final SigningKeySettings settings;

    SigningKeyRefresh(SigningKeyRing ring, SigningKeySettings settings) {
        this.ring = ring;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::refresh, settings.refreshInterval());
    }

    private void refresh() {
        try {
            ring.refresh().block(Duration.ofMinutes(1));
        } catch (RuntimeException e) {
            // The ring in memory stays valid; a later refresh catches up.
            log.warn("Could not refresh the signing key ring: {}", e.toString());
        }
    }
}
