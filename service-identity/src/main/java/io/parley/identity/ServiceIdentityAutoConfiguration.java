package io.parley.identity;

import io.grpc.ServerInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.GlobalServerInterceptor;

/** The caller allow-list on every gRPC service of the server (the TLS itself is {@link MutualTlsDefaults}). */
@AutoConfiguration
@EnableConfigurationProperties(ServiceIdentitySettings.class)
public class ServiceIdentityAutoConfiguration {

    @Bean
    @GlobalServerInterceptor
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ServerInterceptor parleyCallerAuthorization(ServiceIdentitySettings settings, ObjectProvider<MeterRegistry> meters) {
        return new CallerAuthorization(new CallerAllowList(settings.callers()),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
