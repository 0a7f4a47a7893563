package io.parley.media.chats;

import io.parley.identity.ServiceChannels;
import io.parley.proto.chat.v1.ChatMembershipGrpc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

@Configuration(proxyBeanMethods = false)
class ChatMembershipConfiguration {

    /** Through Spring gRPC's channel factory, so calls carry trace context and are observed. */
    @Bean
    ChatMembershipClient chatMembershipClient(GrpcChannelFactory channels, ChatMembershipSettings settings) {
        return new ChatMembershipClient(ChatMembershipGrpc.newStub(ServiceChannels.to(channels, settings.address(), "chat-service")), settings);
    }
}
