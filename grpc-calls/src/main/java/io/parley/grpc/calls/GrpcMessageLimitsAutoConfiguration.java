package io.parley.grpc.calls;

import io.grpc.ManagedChannelBuilder;
import io.grpc.ServerBuilder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.grpc.client.GrpcChannelBuilderCustomizer;
import org.springframework.grpc.server.ServerBuilderCustomizer;

/** Sets {@link GrpcMessageLimits#MAX_MESSAGE_BYTES} on the gRPC server and on every channel Spring gRPC creates. */
@AutoConfiguration
@ConditionalOnClass({ServerBuilderCustomizer.class, GrpcChannelBuilderCustomizer.class})
public class GrpcMessageLimitsAutoConfiguration {

    @Bean
    @SuppressWarnings({"rawtypes", "unchecked"})
    ServerBuilderCustomizer parleyServerMessageLimit() {
        return builder -> ((ServerBuilder<?>) builder).maxInboundMessageSize(GrpcMessageLimits.MAX_MESSAGE_BYTES);
    }

    @Bean
    @SuppressWarnings({"rawtypes", "unchecked"})
    GrpcChannelBuilderCustomizer parleyChannelMessageLimit() {
        return (target, builder) -> ((ManagedChannelBuilder<?>) builder)
                .maxInboundMessageSize(GrpcMessageLimits.MAX_MESSAGE_BYTES);
    }
}
