package io.parley.chat.kafka;

import io.micrometer.observation.ObservationRegistry;
import io.parley.chat.sequencing.BatchSequencer;
import io.parley.failures.TransientFailures;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka for the pipeline: the idempotent acks=all producer (application.yaml; its delivery bound is the send
 * path's, see SendConfiguration), and the consumers' error handling: infrastructure failures are
 * retried with back-off until they pass; any other failure is retried {@code max-attempts} times and then the
 * record goes to {@code <topic>.DLT} so it cannot block its partition. Records are logged by
 * topic-partition@offset only, never by content.
 */
@Configuration(proxyBeanMethods = false)
class PipelineKafkaConfiguration {

    static final String DEAD_LETTER_SUFFIX = ".DLT";
    private static final Logger log = LoggerFactory.getLogger(PipelineKafkaConfiguration.class);
    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(200);

    static {
        KafkaUtils.setConsumerRecordFormatter(record -> record.topic() + "-" + record.partition() + "@" + record.offset());
    }

    @Bean
    KafkaSender kafkaSender(KafkaTemplate<String, byte[]> template) {
        return new KafkaSender(template);
    }

    /** Every sequencer forgets its remembered marks when partitions move (the container factory picks this up). */
    @Bean
    PartitionMoves partitionMoves(List<BatchSequencer> sequencers) {
        return new PartitionMoves(sequencers.stream().<Runnable>map(sequencer -> sequencer::forgetAll).toList());
    }

    @Bean
    RecordObservations recordObservations(ObservationRegistry registry) {
        return new RecordObservations(registry);
    }

    @Bean
    DefaultErrorHandler pipelineErrorHandler(KafkaTemplate<String, byte[]> template, PipelineSettings settings) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> {
                    log.error("Dead-lettering {} after {}", describe(record), failure.toString());
                    return new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, record.partition());
                });
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, limited(settings));
        BackOff untilItWorks = exponential(settings);
        BackOff limited = limited(settings);
        handler.setBackOffFunction((record, failure) -> TransientFailures.isTransient(failure) ? untilItWorks : limited);
        handler.addNotRetryableExceptions(PoisonRecordException.class);
        return handler;
    }

    private static BackOff limited(PipelineSettings settings) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(settings.maxAttempts() - 1);
        backOff.setInitialInterval(FIRST_BACK_OFF.toMillis());
        backOff.setMultiplier(2);
        backOff.setMaxInterval(settings.maxBackOff().toMillis());
        return backOff;
    }

    private static BackOff exponential(PipelineSettings settings) {
        ExponentialBackOff backOff = new ExponentialBackOff(FIRST_BACK_OFF.toMillis(), 2);
        backOff.setMaxInterval(settings.maxBackOff().toMillis());
        return backOff;
    }

    private static String describe(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
