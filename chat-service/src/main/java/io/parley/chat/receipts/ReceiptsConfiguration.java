package io.parley.chat.receipts;

import io.parley.chat.chatlist.ChatListStore;
import io.parley.chat.inbox.DeviceCursors;
import io.parley.chat.inbox.InboxPublisher;
import io.parley.chat.inbox.InboxReader;
import io.parley.cassandra.async.AsyncCql;
import io.parley.chat.users.UserDirectoryClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReceiptsConfiguration {

    @Bean
    Receipts receipts(AsyncCql cql, InboxReader inbox, DeviceCursors cursors, InboxPublisher publisher, ChatListStore chatLists,
            UserDirectoryClient directory, ReceiptsSettings settings, Clock clock) {
        ReceiptStore store = new ReceiptStore(cql);
        AckProgress progress = new AckProgress(settings.rememberedProgress(), settings.forgetProgressAfter());
        ReceiptRecipients recipients = new ReceiptRecipients(directory);
        return new Receipts(new AckInboxHandler(inbox, cursors, store, publisher, recipients, progress, clock),
                new MarkReadHandler(chatLists, store, directory, recipients, publisher, clock));
    }
}
