package io.parley.chat.inbox;

import io.parley.chat.fanout.DeliveryFanout;
import io.parley.chat.kafka.KafkaSender;
import io.parley.chat.kafka.RecordObservations;
import io.parley.chat.sequencing.GaplessSequencer;
import io.parley.chat.sequencing.SequenceTable;
import io.parley.cassandra.async.AsyncCql;
import io.parley.chat.topics.ChatTopics;
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

    /** inbox_sequence holds one gapless counter per user. */
    @Bean
    SequenceTable inboxSequenceTable(AsyncCql cql) {
        return new SequenceTable(cql, "inbox_sequence", "user_id", "last_entry_key");
    }

    @Bean
    InboxReader inboxReader(SequenceTable inboxSequenceTable, InboxStore store) {
        return new InboxReader(inboxSequenceTable, store);
    }

    @Bean
    DeviceCursors deviceCursors(AsyncCql cql) {
        return new DeviceCursors(cql);
    }

    @Bean
    InboxListener inboxListener(SequenceTable inboxSequenceTable, InboxStore store, DeliveryFanout fanout,
            RecordObservations observations) {
        return new InboxListener(new InboxProcessor(new GaplessSequencer(inboxSequenceTable), store), fanout, observations);
    }
}
