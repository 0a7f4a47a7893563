package io.parley.chat.chatlist;

import io.parley.chat.storage.Cql;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChatListConfiguration {

    @Bean
    ChatListStore chatListStore(Cql cql) {
        return new ChatListStore(cql);
    }
}
