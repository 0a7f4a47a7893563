package io.parley.media.grpc;

import io.grpc.BindableService;
import io.parley.media.library.Sharing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MediaGrpcConfiguration {

    /** Spring gRPC serves every BindableService bean on spring.grpc.server.port (= parley.ports.grpc). */
    @Bean
    BindableService mediaLibraryGrpcService(Sharing sharing) {
        return new MediaLibraryGrpcService(sharing);
    }
}
