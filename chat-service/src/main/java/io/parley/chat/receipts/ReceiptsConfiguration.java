package io.parley.chat.receipts;

import io.parley.chat.chatlist.ChatListStore;
import io.parley.chat.chats.ChatAuthorizer;
import io.parley.chat.groups.GroupChatStore;
import io.parley.chat.inbox.DeviceCursors;
import io.parley.chat.inbox.InboxPublisher;
import io.parley.chat.inbox.InboxReader;
import io.parley.chat.kafka.KafkaSender;
import io.parley.chat.topics.ChatTopics;
import io.parley.cassandra.async.AsyncCql;
import io.parley.chat.messages.MessageStore;
import io.parley.chat.users.UserDirectoryClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReceiptsConfiguration {

    @Bean
    ReceiptStore receiptStore(AsyncCql cql) {
        return new ReceiptStore(cql);
    }

    @Bean
    GroupReceiptTimes groupReceiptTimes(AsyncCql cql) {
        return new GroupReceiptTimes(cql);
    }

    @Bean
    GroupReceiptCoalescer groupReceiptCoalescer(MessageStore messages, GroupChatStore groups, ReceiptStore store,
            UserDirectoryClient directory, InboxPublisher publisher, ReceiptsSettings settings, Clock clock) {
        return new GroupReceiptCoalescer(messages, groups, store, directory, publisher, settings.groupCountsInterval(), clock);
    }

    @Bean
    GroupReceiptQueries groupReceiptQueries(MessageStore messages, GroupChatStore groups, ReceiptStore store,
            GroupReceiptTimes times, UserDirectoryClient directory) {
        return new GroupReceiptQueries(messages, groups, store, times, directory);
    }

    @Bean
    Receipts receipts(ReceiptStore store, GroupReceiptTimes times, GroupReceiptCoalescer coalescer, InboxReader inbox,
            DeviceCursors cursors, InboxPublisher publisher, ChatListStore chatLists, ChatAuthorizer authorizer,
            UserDirectoryClient directory, ReceiptsSettings settings, KafkaSender kafka, ChatTopics topics, Clock clock) {
        AckProgress progress = new AckProgress(settings.rememberedProgress(), settings.forgetProgressAfter());
        ReceiptRecipients recipients = new ReceiptRecipients(directory);
        GroupWatermarks groups = new GroupWatermarks(store, times, coalescer, clock);
        return new Receipts(new AckInboxHandler(inbox, cursors, store, publisher, recipients, progress, groups, clock),
                new MarkReadHandler(chatLists, store, directory, recipients, publisher, authorizer, groups,
                        new ReadNotices(kafka, topics.pushRequests().name(), clock), clock));
    }
}
