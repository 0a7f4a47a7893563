package io.parley.user.auth;

import io.parley.auth.verification.ParleyJwtDecoders;
import io.parley.auth.verification.ParleyTokenValidators;
import io.parley.user.auth.signing.SigningKeyRing;
import io.parley.user.device.Devices;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

/**
 * Every endpoint needs an access token except registration, login, refresh, the JWKS, the API
 * description and the probes. Tokens are verified with the same rules as in every other service
 * (token-verification), against the keys in memory instead of over HTTP.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    ReactiveJwtDecoder localJwtDecoder(SigningKeyRing keys, TokenSettings settings, Clock clock) {
        return ParleyJwtDecoders.fromJwkSource(jwt -> keys.verificationKey(jwt.getHeader().getKeyID()),
                ParleyTokenValidators.create(settings.issuer(), ParleyTokenValidators.AUDIENCE, settings.clockSkew(), clock));
    }

    @Bean
    SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder, Devices devices,
            @Qualifier("problemSecurityHandlers") ServerAuthenticationEntryPoint unauthenticated,
            @Qualifier("problemSecurityHandlers") ServerAccessDeniedHandler denied) {
        ActiveSessionAuthenticationManager authentication = new ActiveSessionAuthenticationManager(decoder, devices);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, "/v1/accounts", "/v1/auth/login", "/v1/auth/refresh").permitAll()
                        .pathMatchers(HttpMethod.GET, "/v1/.well-known/jwks.json", "/v1/openapi", "/v1/openapi.yaml").permitAll()
                        .pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .anyExchange().authenticated())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .oauth2ResourceServer(server -> server
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied)
                        .jwt(jwt -> jwt.authenticationManager(authentication)))
                .build();
    }
}
