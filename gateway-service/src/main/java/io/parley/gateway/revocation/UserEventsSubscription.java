package io.parley.gateway.revocation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Subscribes the {@link DeviceRevocationListener} only once user-service has created its topic. A consumer that
 * subscribes to a missing topic polls the broker's metadata and logs a warning each time until the topic appears:
 * dozens of them when the gateway starts beside user-service (bin/run-local, a fresh cluster). Nothing is missed
 * meanwhile: user-service creates the topic before it can publish a revocation.
 */
@Component
class UserEventsSubscription implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UserEventsSubscription.class);
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

    private final KafkaAdmin kafkaAdmin;
    private final KafkaListenerEndpointRegistry listeners;
    private final UserEventsSettings settings;
    private ScheduledExecutorService checks;
    private Admin admin;

    UserEventsSubscription(KafkaAdmin kafkaAdmin, KafkaListenerEndpointRegistry listeners, UserEventsSettings settings) {
        this.kafkaAdmin = kafkaAdmin;
        this.listeners = listeners;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        checks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "user-events-subscription");
            thread.setDaemon(true);
            return thread;
        });
        checks.execute(this::subscribeWhenTopicExists);
    }

    private void subscribeWhenTopicExists() {
        boolean exists = topicExists();
        synchronized (this) {
            if (checks == null) {
                return; // stopped meanwhile
            }
            if (exists) {
                listeners.getListenerContainer(DeviceRevocationListener.LISTENER_ID).start();
                log.info("Subscribed to {}", settings.topic());
                stop();
            } else {
                checks.schedule(this::subscribeWhenTopicExists, CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private boolean topicExists() {
        Admin admin;
        synchronized (this) {
            admin = this.admin;
        }
        try {
            admin.describeTopics(List.of(settings.topic())).allTopicNames().get(10, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                log.debug("Topic {} does not exist yet (user-service creates it)", settings.topic());
            } else {
                log.warn("Cannot check whether topic {} exists yet: {}", settings.topic(), e.getCause().toString());
            }
            return false;
        } catch (TimeoutException e) {
            log.warn("Kafka did not say within 10 s whether topic {} exists; asking again", settings.topic());
            return false;
        } catch (InterruptedException | KafkaException stopped) {
            return false; // interrupted or closed by stop()
        }
    }

    /** Stops waiting; a listener already subscribed stops with the other listener containers. */
    @Override
    public synchronized void stop() {
        if (checks != null) {
            checks.shutdownNow();
            checks = null;
            admin.close(Duration.ZERO);
            admin = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return checks != null;
    }
}
