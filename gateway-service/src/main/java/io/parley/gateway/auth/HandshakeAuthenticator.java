package io.parley.gateway.auth;

import io.parley.auth.verification.ParleyPrincipal;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Establishes who a WebSocket is for, once, at the handshake: an access token in {@code Authorization: Bearer},
 * verified offline against user-service's JWKS, or (for browsers, which cannot set that header on a WebSocket) a
 * single-use connect ticket in {@code ?ticket=}.
 */
@Component
public class HandshakeAuthenticator {

    /** RFC 6750 b64token. */
    private static final Pattern BEARER = Pattern.compile("(?i)bearer ([A-Za-z0-9._~+/-]+=*)");
    private static final Pattern TICKET = Pattern.compile("[A-Za-z0-9._~-]{16,256}");

    private final ReactiveJwtDecoder tokens;
    private final UserDirectoryClient directory;

    public HandshakeAuthenticator(ReactiveJwtDecoder tokens, UserDirectoryClient directory) {
        this.tokens = tokens;
        this.directory = directory;
    }

    public Mono<DeviceIdentity> authenticate(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            return bearer(authorization);
        }
        String ticket = request.getQueryParams().getFirst("ticket");
        if (ticket != null) {
            return TICKET.matcher(ticket).matches() ? directory.redeem(ticket)
                    : Mono.error(HandshakeRejected.unauthenticated("malformed connect ticket"));
        }
        return Mono.error(HandshakeRejected.unauthenticated(
                "no credentials: send Authorization: Bearer <access token>, or ?ticket=<connect ticket>"));
    }

    private Mono<DeviceIdentity> bearer(String authorization) {
        var matcher = BEARER.matcher(authorization);
        if (!matcher.matches()) {
            return Mono.error(HandshakeRejected.unauthenticated("malformed Authorization header; expected Bearer <token>"));
        }
        return tokens.decode(matcher.group(1))
                .map(ParleyPrincipal::from)
                .map(principal -> new DeviceIdentity(principal.userId().toString(), principal.deviceId().toString()))
                .onErrorMap(BadJwtException.class, invalid -> HandshakeRejected.unauthenticated("invalid access token"))
                .onErrorMap(error -> error instanceof JwtException && !(error instanceof BadJwtException),
                        error -> HandshakeRejected.unavailable("cannot verify access tokens right now", error))
                .flatMap(device -> directory.checkActive(device).thenReturn(device));
    }
}
