package io.parley.push.fcm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * OAuth2 access tokens for FCM from the service account (RFC 7523 JWT bearer grant): an RS256 assertion signed with
 * the account's key, exchanged at its token URI. One token is shared by every send and replaced
 * {@code refreshMargin} before it expires; concurrent sends during a refresh wait for the same exchange.
 */
final class FcmAccessTokens {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    private static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Duration ASSERTION_LIFETIME = Duration.ofHours(1);

    private final ServiceAccount account;
    private final WebClient http;
    private final Clock clock;
    private final Duration refreshMargin;
    private final Duration timeout;
    private AccessToken current;
    private Mono<AccessToken> refreshing;

    private record AccessToken(String value, Instant expiresAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
    }

    FcmAccessTokens(ServiceAccount account, WebClient http, Clock clock, Duration refreshMargin, Duration timeout) {
        this.account = account;
        this.http = http;
        this.clock = clock;
        this.refreshMargin = refreshMargin;
        this.timeout = timeout;
    }

    synchronized Mono<String> current() {
        if (current != null && clock.instant().isBefore(current.expiresAt().minus(refreshMargin))) {
            return Mono.just(current.value());
        }
        if (refreshing == null) {
            refreshing = exchange()
                    .doOnNext(this::refreshed)
                    .doOnError(failure -> refreshed(null))
                    .cache();
        }
        return refreshing.map(AccessToken::value);
    }

    /** FCM answered 401: the token was revoked or the clock is off; the next send gets a new one. */
    synchronized void invalidate() {
        current = null;
    }

    private synchronized void refreshed(AccessToken token) {
        if (token != null) {
            current = token;
        }
        refreshing = null;
    }

    private Mono<AccessToken> exchange() {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return http.post().uri(account.tokenUri())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData("grant_type", GRANT_TYPE).with("assertion", assertion(now)))
                    .retrieve()
                    .bodyToMono(TokenResponse.class)
                    .timeout(timeout)
                    .map(response -> new AccessToken(response.accessToken(), now.plusSeconds(response.expiresIn())));
        });
    }

    String assertion(Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(account.clientEmail())
                .subject(account.clientEmail())
                .audience(account.tokenUri().toString())
                .claim("scope", SCOPE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .build();
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT);
        if (account.privateKeyId() != null) {
            header.keyID(account.privateKeyId());
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        try {
            jwt.sign(new RSASSASigner(account.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign the FCM token assertion", e);
        }
        return jwt.serialize();
    }
}
