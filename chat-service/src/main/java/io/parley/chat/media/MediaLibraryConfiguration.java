package io.parley.chat.media;

import io.parley.identity.ServiceChannels;
import io.parley.proto.media.v1.MediaLibraryGrpc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

@Configuration(proxyBeanMethods = false)
class MediaLibraryConfiguration {

    /** Through Spring gRPC's channel factory, so calls carry trace context and are observed. */
    @Bean
    MediaSharing mediaSharing(GrpcChannelFactory channels, MediaLibrarySettings settings) {
        return new MediaSharing(MediaLibraryGrpc.newStub(ServiceChannels.to(channels, settings.address(), "media-service")), settings);
    }
}
