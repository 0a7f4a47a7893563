package io.parley.chat.chatlist;

import io.parley.cassandra.async.AsyncCql;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChatListConfiguration {

    @Bean
    ChatListStore chatListStore(AsyncCql cql) {
        return new ChatListStore(cql);
    }
}
