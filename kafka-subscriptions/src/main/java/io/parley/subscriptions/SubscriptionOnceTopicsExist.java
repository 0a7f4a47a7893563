package io.parley.subscriptions;

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

/**
 * Starts a {@code @KafkaListener(id = ..., autoStartup = "false")} once the topics it reads exist. A consumer that
 * subscribes to a missing topic asks the broker for its metadata again and again and logs a warning each time
 * until the topic appears: dozens of them when a service starts beside the service that owns (creates) the topic,
 * as on bin/run-local or a fresh cluster. Nothing is missed meanwhile: the owner creates its topic before it
 * publishes to it.
 *
 * <pre>{@code
 * @Bean
 * SubscriptionOnceTopicsExist userEventsSubscription(KafkaAdmin admin, KafkaListenerEndpointRegistry listeners) {
 *     return new SubscriptionOnceTopicsExist(admin, listeners, "gateway-user-events", List.of("user-events"));
 * }
 * }</pre>
 */
public final class SubscriptionOnceTopicsExist implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionOnceTopicsExist.class);
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaAdmin kafkaAdmin;
    private final KafkaListenerEndpointRegistry listeners;
    private final String listenerId;
    private final List<String> topics;
    private ScheduledExecutorService checks;
    private Admin admin;

    public SubscriptionOnceTopicsExist(KafkaAdmin kafkaAdmin, KafkaListenerEndpointRegistry listeners, String listenerId,
            List<String> topics) {
        this.kafkaAdmin = kafkaAdmin;
        this.listeners = listeners;
        this.listenerId = listenerId;
        this.topics = List.copyOf(topics);
    }

    @Override
    public synchronized void start() {
        admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        checks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "subscription-" + listenerId);
            thread.setDaemon(true);
            return thread;
        });
        checks.execute(this::subscribeWhenTopicsExist);
    }

    private void subscribeWhenTopicsExist() {
        boolean exist = topicsExist();
        synchronized (this) {
            if (checks == null) {
                return; // stopped meanwhile
            }
            if (exist) {
                listeners.getListenerContainer(listenerId).start();
                log.info("Subscribed to {}", topics);
                stop();
            } else {
                checks.schedule(this::subscribeWhenTopicsExist, CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private boolean topicsExist() {
        Admin admin;
        synchronized (this) {
            admin = this.admin;
        }
        try {
            admin.describeTopics(topics).allTopicNames().get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                log.debug("Not all of {} exist yet (the services that own them create them)", topics);
            } else {
                log.warn("Cannot check whether {} exist yet: {}", topics, e.getCause().toString());
            }
            return false;
        } catch (TimeoutException e) {
            log.warn("Kafka did not say within {} whether {} exist; asking again", CHECK_TIMEOUT, topics);
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
