package io.parley.chat.messages;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.chat.chatlist.ChatListStore;
import io.parley.chat.inbox.InboxPublisher;
import io.parley.chat.kafka.RecordObservations;
import io.parley.chat.sequencing.GaplessSequencer;
import io.parley.chat.sequencing.SequenceTable;
import io.parley.cassandra.async.AsyncCql;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    @Bean
    MessageStore messageStore(AsyncCql cql) {
        return new MessageStore(cql);
    }

    /** chat_sequence holds one gapless counter per chat. */
    @Bean
    MessagesListener messagesListener(AsyncCql cql, MessageStore messages, ChatListStore chatLists, InboxPublisher inbox,
            RecordObservations observations, MeterRegistry meters, Clock clock) {
        SequenceTable chatSequences = new SequenceTable(cql, "chat_sequence", "chat_id", "last_message_id");
        MessageProcessor processor = new MessageProcessor(new GaplessSequencer(chatSequences), messages, chatLists,
                inbox, new SequencingMetrics(meters), clock);
        return new MessagesListener(processor, observations);
    }
}
