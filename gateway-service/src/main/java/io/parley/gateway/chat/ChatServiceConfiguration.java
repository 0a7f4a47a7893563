package io.parley.gateway.chat;

import io.parley.identity.ServiceChannels;
import io.parley.proto.chat.v1.ChatMembershipGrpc;
import io.parley.proto.chat.v1.ChatServiceGrpc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

@Configuration(proxyBeanMethods = false)
class ChatServiceConfiguration {

    @Bean
    ChatServiceClient chatServiceClient(GrpcChannelFactory channels, ChatServiceSettings settings) {
        return new ChatServiceClient(ChatServiceGrpc.newStub(ServiceChannels.to(channels, settings.address(), "chat-service")), settings);
    }

    /** On the same channel (one HTTP/2 connection to chat-service), which also serves ChatMembership. */
    @Bean
    ChatMembershipClient chatMembershipClient(ChatServiceClient chat, ChatServiceSettings settings) {
        return new ChatMembershipClient(ChatMembershipGrpc.newStub(chat.channel()), settings);
    }
}
