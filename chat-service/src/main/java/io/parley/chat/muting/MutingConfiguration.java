package io.parley.chat.muting;

import io.parley.chat.chatlist.ChatListStore;
import io.parley.chat.chats.ChatAuthorizer;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MutingConfiguration {

    @Bean
    Muting muting(ChatListStore chatLists, ChatAuthorizer authorizer, Clock clock) {
        return new Muting(chatLists, authorizer, clock);
    }
}
