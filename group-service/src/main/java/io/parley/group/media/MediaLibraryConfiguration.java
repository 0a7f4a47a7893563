package io.parley.group.media;

import io.parley.identity.ServiceChannels;
import io.parley.proto.media.v1.MediaLibraryGrpc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

@Configuration(proxyBeanMethods = false)
class MediaLibraryConfiguration {

    @Bean
    Avatars avatars(GrpcChannelFactory channels, MediaLibrarySettings settings) {
        return new Avatars(MediaLibraryGrpc.newStub(ServiceChannels.to(channels, settings.address(), "media-service")), settings);
    }
}
