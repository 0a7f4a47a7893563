package io.parley.auth.verification;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * An authenticated request whose principal is a {@link ParleyPrincipal}, so controllers can take
 * {@code @AuthenticationPrincipal ParleyPrincipal caller}. The verified {@link Jwt} stays available
 * as the token for services that need more of its claims.
 */
public final class ParleyAuthenticationToken extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    private static final Collection<? extends GrantedAuthority> NO_AUTHORITIES = List.of();

    public ParleyAuthenticationToken(Jwt jwt, ParleyPrincipal principal) {
        super(jwt, principal, jwt, NO_AUTHORITIES);
        setAuthenticated(true);
    }

    @Override
    public ParleyPrincipal getPrincipal() {
        return (ParleyPrincipal) super.getPrincipal();
    }

    @Override
    public Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }

    @Override
    public String getName() {
        return getPrincipal().userId().toString();
    }
}
