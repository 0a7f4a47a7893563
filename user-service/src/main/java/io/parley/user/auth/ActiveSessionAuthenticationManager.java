package io.parley.user.auth;

import io.parley.auth.verification.ParleyAuthenticationToken;
import io.parley.auth.verification.ParleyJwtAuthenticationConverter;
import io.parley.user.device.Devices;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import reactor.core.publisher.Mono;

/**
 * Verifies the token like every other service does, then also checks what only user-service can: that
 * the token's session is still the device's current one. A signed-out device's token stops working here
 * at once, not only when it expires.
 */
class ActiveSessionAuthenticationManager implements ReactiveAuthenticationManager {

    private final JwtReactiveAuthenticationManager tokens;
    private final Devices devices;

    ActiveSessionAuthenticationManager(ReactiveJwtDecoder decoder, Devices devices) {
        this.tokens = new JwtReactiveAuthenticationManager(decoder);
        this.tokens.setJwtAuthenticationConverter(new ParleyJwtAuthenticationConverter());
        this.devices = devices;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        return tokens.authenticate(authentication)
                .cast(ParleyAuthenticationToken.class)
                .flatMap(verified -> devices.isCurrentSession(verified.getPrincipal().userId(), verified.getPrincipal().deviceId(),
                                SessionClaim.of(verified))
                        .flatMap(current -> current
                                ? Mono.just((Authentication) verified)
                                : Mono.error(new InvalidBearerTokenException("The device has been signed out"))));
    }
}
