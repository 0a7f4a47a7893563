package io.parley.chat.messages;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.chat.chatlist.ChatListStore;
import io.parley.chat.groups.GroupChatStore;
import io.parley.chat.inbox.InboxPublisher;
import io.parley.chat.inbox.MessageResolver;
import io.parley.chat.kafka.RecordObservations;
import io.parley.chat.sequencing.BatchSequencer;
import io.parley.chat.sequencing.SequenceCounters;
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

    /** chat_last_seq holds each chat's high-water mark (chat_sequence: the first release's counters). */
    @Bean
    BatchSequencer chatSequencer(AsyncCql cql) {
        return new BatchSequencer(new SequenceCounters(cql, "chat_last_seq", "chat_sequence", "chat_id"));
    }

    @Bean
    MessageResolver messageResolver(MessageStore messages) {
        return new StoredMessageResolver(messages);
    }

    @Bean
    GroupChatStore groupChatStore(AsyncCql cql) {
        return new GroupChatStore(cql);
    }

    @Bean
    MessagesListener messagesListener(BatchSequencer chatSequencer, MessageStore messages, GroupChatStore groupChats,
            ChatListStore chatLists, InboxPublisher inbox, RecordObservations observations, MeterRegistry meters, Clock clock) {
        SequencingMetrics metrics = new SequencingMetrics(meters);
        MessageProcessor processor = new MessageProcessor(chatSequencer, messages, chatLists, inbox, metrics, clock);
        GroupChatProcessor groupProcessor = new GroupChatProcessor(chatSequencer, messages, groupChats, chatLists,
                inbox, metrics, clock);
        return new MessagesListener(processor, groupProcessor, chatSequencer, observations);
    }
}
