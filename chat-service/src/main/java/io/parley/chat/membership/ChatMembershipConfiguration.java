package io.parley.chat.membership;

import io.grpc.BindableService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChatMembershipConfiguration {

    /** Served beside ChatService on spring.grpc.server.port. */
    @Bean
    BindableService chatMembershipGrpcService() {
        return new ChatMembershipGrpcService();
    }
}
