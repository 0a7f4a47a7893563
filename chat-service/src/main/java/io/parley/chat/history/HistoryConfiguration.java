package io.parley.chat.history;

import io.parley.chat.chatlist.ChatListStore;
import io.parley.chat.chats.ChatAuthorizer;
import io.parley.chat.messages.MessageStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

    @Bean
    HistoryService historyService(ChatListStore chatLists, MessageStore messages, ChatAuthorizer authorizer, Clock clock) {
        return new HistoryService(chatLists, new HistoryPager(messages), authorizer, clock);
    }
}
