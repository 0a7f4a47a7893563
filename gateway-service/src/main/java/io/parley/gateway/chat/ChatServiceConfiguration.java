package io.parley.gateway.chat;

import io.parley.proto.chat.v1.ChatServiceGrpc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

@Configuration(proxyBeanMethods = false)
class ChatServiceConfiguration {

    @Bean
    ChatServiceClient chatServiceClient(GrpcChannelFactory channels, ChatServiceSettings settings) {
        return new ChatServiceClient(ChatServiceGrpc.newStub(channels.createChannel(settings.address())), settings);
    }
}
