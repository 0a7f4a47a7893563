package io.parley.chat.send;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.chat.chats.ChatAuthorizer;
import io.parley.chat.groups.GroupChatStore;
import io.parley.chat.ids.MessageIds;
import io.parley.chat.kafka.KafkaSender;
import io.parley.chat.media.MediaSharing;
import io.parley.chat.topics.ChatTopics;
import io.parley.chat.users.UserDirectoryClient;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class SendConfiguration {

    /** A send waits for Kafka's acknowledgement at most kafka-timeout: delivery, requests and blocking are bounded by it. */
    @Bean
    DefaultKafkaProducerFactoryCustomizer boundedDeliveryTimeout(SendSettings send) {
        long delivery = send.kafkaTimeout().toMillis();
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (delivery / 2),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, delivery / 2));
    }

    @Bean
    ChatAuthorizer chatAuthorizer(UserDirectoryClient directory, GroupChatStore groups) {
        return new ChatAuthorizer(directory, groups);
    }

    @Bean
    SendService sendService(ChatAuthorizer authorizer, MediaSharing media, ReactiveStringRedisTemplate redis, MessageIds ids,
            KafkaSender kafka, ChatTopics topics, SendSettings settings, MeterRegistry meters, Clock clock) {
        return new SendService(authorizer, media, new SendDedup(redis, settings.dedupWindow()), ids,
                new MessageSubmitter(kafka, topics.messages().name(), settings.kafkaTimeout()), new SendMetrics(meters), clock);
    }
}
