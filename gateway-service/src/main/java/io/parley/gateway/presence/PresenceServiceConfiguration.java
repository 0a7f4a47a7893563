package io.parley.gateway.presence;

import io.parley.identity.ServiceChannels;
import io.parley.proto.presence.v1.PresenceGrpc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

@Configuration(proxyBeanMethods = false)
class PresenceServiceConfiguration {

    @Bean
    PresenceServiceClient presenceServiceClient(GrpcChannelFactory channels, PresenceServiceSettings settings) {
        return new PresenceServiceClient(PresenceGrpc.newStub(ServiceChannels.to(channels, settings.address(), "presence-service")), settings);
    }
}
