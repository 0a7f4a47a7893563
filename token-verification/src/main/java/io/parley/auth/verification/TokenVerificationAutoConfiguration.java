package io.parley.auth.verification;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * Makes a service a resource server for Parley access tokens: a {@link ReactiveJwtDecoder} that verifies
 * offline against {@code parley.auth.jwks-uri}, and (for WebFlux services that declare no filter chain of
 * their own) a chain that requires a valid token everywhere but the health and metrics endpoints and answers
 * 401/403 as problem+json in Parley's one shape.
 * {@code parley.auth.jwks-uri} and {@code parley.auth.issuer} are required: a service that includes this
 * module without them does not start.
 */
@AutoConfiguration(before = {ReactiveOAuth2ResourceServerAutoConfiguration.class,
        ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration.class})
@ConditionalOnClass(ReactiveJwtDecoder.class)
@EnableConfigurationProperties(TokenVerificationProperties.class)
public class TokenVerificationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder parleyJwtDecoder(TokenVerificationProperties properties, ObjectProvider<Clock> clock) {
        return ParleyJwtDecoders.fromJwkSetUri(properties, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    ParleyJwtAuthenticationConverter parleyJwtAuthenticationConverter() {
        return new ParleyJwtAuthenticationConverter();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(ServerHttpSecurity.class)
    static class DefaultWebSecurity {

        @Bean
        @ConditionalOnMissingBean(ServerExchangeRejectedHandler.class)
        ServerExchangeRejectedHandler parleyExchangeRejectedHandler(ServerCodecConfigurer codecs) {
            return new ProblemSecurityResponses(codecs);
        }

        @Bean
        @ConditionalOnMissingBean(SecurityWebFilterChain.class)
        SecurityWebFilterChain parleyResourceServerFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                ParleyJwtAuthenticationConverter converter, ServerCodecConfigurer codecs) {
            ProblemSecurityResponses problems = new ProblemSecurityResponses(codecs);
            return http
                    .csrf(ServerHttpSecurity.CsrfSpec::disable)
                    .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                    .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                    .logout(ServerHttpSecurity.LogoutSpec::disable)
                    .authorizeExchange(exchanges -> exchanges
                            .pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus")
                            .permitAll()
                            .anyExchange().authenticated())
                    .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                    .oauth2ResourceServer(server -> server
                            .authenticationEntryPoint(problems)
                            .accessDeniedHandler(problems)
                            .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(converter)))
                    .build();
        }
    }
}
