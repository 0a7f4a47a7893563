package io.parley.user.auth;

import io.parley.auth.verification.ParleyPrincipal;
import io.parley.user.account.AccountStore;
import io.parley.user.account.PasswordHashing;
import io.parley.user.account.Username;
import io.parley.user.device.DeviceRevocation;
import io.parley.user.device.Devices;
import io.parley.user.device.NewDevice;
import io.parley.user.device.Platform;
import io.parley.user.device.RevocationReason;
import io.parley.user.error.ApiProblem;
import io.parley.proto.error.v1.ErrorReason;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Login, refresh and logout: the life of a device session. */
@Service
class Sessions {

    private final AccountStore accounts;
    private final PasswordHashing passwords;
    private final LoginRateLimiter rateLimiter;
    private final Devices devices;
    private final DeviceRevocation revocation;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final TokenSettings settings;

    Sessions(AccountStore accounts, PasswordHashing passwords, LoginRateLimiter rateLimiter, Devices devices,
            DeviceRevocation revocation, RefreshTokens refreshTokens, AccessTokens accessTokens, TokenSettings settings) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.rateLimiter = rateLimiter;
        this.devices = devices;
        this.revocation = revocation;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.settings = settings;
    }

    Mono<TokenResponse> login(LoginRequest request, String clientAddress) {
        String username = Username.normalize(request.username());
        NewDevice device = new NewDevice(request.device().deviceId(), Platform.parse(request.device().platform()),
                request.device().name().strip());
        return rateLimiter.attempt(username, clientAddress)
                .then(accounts.findByUsername(username).map(account -> new Credentials(account.userId(), account.passwordHash()))
                        .defaultIfEmpty(Credentials.NONE))
                .flatMap(credentials -> passwords.matches(request.password(), credentials.passwordHash())
                        .flatMap(matches -> matches
                                ? Mono.just(credentials.userId())
                                : Mono.error(ApiProblem.of(ErrorReason.INVALID_CREDENTIALS, "Wrong username or password"))))
                .flatMap(userId -> devices.bind(userId, device).flatMap(sessionId -> tokens(userId, device.deviceId(), sessionId)));
    }

    /**
     * Exchanges a refresh token. Presenting one that was already exchanged means two parties hold the
     * token family (one of them stole it): the device is signed out and DeviceRevoked published.
     */
    Mono<TokenResponse> refresh(String presented) {
        return refreshTokens.find(presented)
                .switchIfEmpty(Mono.error(invalidRefreshToken()))
                .flatMap(token -> devices.isCurrentSession(token.userId(), token.deviceId(), token.sessionId())
                        .flatMap(current -> current ? exchange(token) : Mono.error(invalidRefreshToken())));
    }

    Mono<Void> logout(ParleyPrincipal caller) {
        return revocation.revoke(caller.userId(), caller.deviceId(), RevocationReason.LOGGED_OUT).then();
    }

    private Mono<TokenResponse> exchange(StoredRefreshToken token) {
        Mono<TokenResponse> rotated = refreshTokens.rotate(token)
                .flatMap(next -> devices.touch(token.userId(), token.deviceId())
                        .then(Mono.fromSupplier(() -> response(token.userId(), token.deviceId(), token.sessionId(), next))));
        return (token.rotatedTo() != null ? Mono.<TokenResponse>empty() : rotated)
                .switchIfEmpty(Mono.defer(() -> revocation.revoke(token.userId(), token.deviceId(), RevocationReason.REFRESH_TOKEN_REUSED)
                        .then(Mono.error(ApiProblem.of(ErrorReason.REFRESH_TOKEN_REUSED,
                                "This refresh token was already used; the device has been signed out")))));
    }

    private Mono<TokenResponse> tokens(UUID userId, UUID deviceId, UUID sessionId) {
        return refreshTokens.issue(userId, deviceId, sessionId).map(refresh -> response(userId, deviceId, sessionId, refresh));
    }

    private TokenResponse response(UUID userId, UUID deviceId, UUID sessionId, RefreshTokens.IssuedRefreshToken refresh) {
        AccessTokens.IssuedAccessToken access = accessTokens.issue(userId, deviceId, sessionId);
        return new TokenResponse(access.token(), "Bearer", settings.accessTokenLifetime().toSeconds(), refresh.token(),
                settings.refreshTokenLifetime().toSeconds(), userId, deviceId);
    }

    private static ApiProblem invalidRefreshToken() {
        return ApiProblem.of(ErrorReason.INVALID_REFRESH_TOKEN, "The refresh token is unknown, expired or its session has ended");
    }

    private record Credentials(UUID userId, String passwordHash) {
        static final Credentials NONE = new Credentials(null, null);
    }
}
