package io.parley.group.chats;

import io.parley.identity.ServiceChannels;
import io.parley.proto.chat.v1.ChatMembershipGrpc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

@Configuration(proxyBeanMethods = false)
class ChatMembershipConfiguration {

    @Bean
    ChatMembershipClient chatMembershipClient(GrpcChannelFactory channels, ChatServiceSettings settings) {
        return new ChatMembershipClient(ChatMembershipGrpc.newStub(ServiceChannels.to(channels, settings.address(), "chat-service")), settings);
    }
}
