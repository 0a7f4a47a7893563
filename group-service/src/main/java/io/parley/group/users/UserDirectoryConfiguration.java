package io.parley.group.users;

import io.parley.identity.ServiceChannels;
import io.parley.proto.user.v1.UserDirectoryGrpc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

@Configuration(proxyBeanMethods = false)
class UserDirectoryConfiguration {

    @Bean
    UserDirectoryClient userDirectoryClient(GrpcChannelFactory channels, UserDirectorySettings settings) {
        return new UserDirectoryClient(UserDirectoryGrpc.newStub(ServiceChannels.to(channels, settings.address(), "user-service")), settings);
    }
}
