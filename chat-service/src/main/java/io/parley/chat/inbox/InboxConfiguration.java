package io.parley.chat.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.chat.fanout.DeliveryFanout;
import io.parley.chat.kafka.KafkaSender;
import io.parley.chat.kafka.RecordObservations;
import io.parley.chat.sequencing.BatchSequencer;
import io.parley.chat.sequencing.SequenceCounters;
import io.parley.cassandra.async.AsyncCql;
import io.parley.chat.topics.ChatTopics;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InboxConfiguration {

    @Bean
    InboxPublisher inboxPublisher(KafkaSender kafka, ChatTopics topics) {
        return new InboxPublisher(kafka, topics.inbox().name());
    }

    @Bean
    InboxStore inboxStore(AsyncCql cql) {
        return new InboxStore(cql);
    }

    /** inbox_last_seq holds each user's inbox high-water mark (inbox_sequence: the first release's counters). */
    @Bean
    SequenceCounters inboxCounters(AsyncCql cql) {
        return new SequenceCounters(cql, "inbox_last_seq", "inbox_sequence", "user_id");
    }

    @Bean
    BatchSequencer inboxSequencer(SequenceCounters inboxCounters) {
        return new BatchSequencer(inboxCounters);
    }

    @Bean
    InboxReader inboxReader(SequenceCounters inboxCounters, InboxStore store, MessageResolver resolver) {
        return new InboxReader(inboxCounters, store, resolver);
    }

    @Bean
    DeviceCursors deviceCursors(AsyncCql cql) {
        return new DeviceCursors(cql);
    }

    @Bean
    InboxListener inboxListener(BatchSequencer inboxSequencer, InboxStore store, DeliveryFanout fanout,
            MessageResolver resolver, RecordObservations observations, MeterRegistry meters, Clock clock) {
        return new InboxListener(new InboxProcessor(inboxSequencer, store, meters, clock), inboxSequencer, fanout,
                resolver, observations);
    }
}
