package io.parley.push.tokens;

import io.parley.auth.verification.ParleyPrincipal;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The calling device's push token (the device named by the access token; a device has at most one):
 * {@code PUT /v1/push/token} registers or replaces it, {@code GET} tells which platform is registered,
 * {@code DELETE} removes it. A device signed out within {@code revocation-memory} is refused (401), although its
 * access token may still verify. Errors are problem+json ({@link TokenProblems}).
 */
@RestController
@RequestMapping("/v1/push/token")
class PushTokenController {

    private final PushTokenStore store;
    private final TokenSettings settings;
    private final Clock clock;

    PushTokenController(PushTokenStore store, TokenSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    @PutMapping
    Mono<TokenView> register(@AuthenticationPrincipal ParleyPrincipal caller, @Valid @RequestBody TokenRegistration body) {
        DeviceToken token = new DeviceToken(caller.userId(), caller.deviceId(),
                body.toPushToken(settings), clock.instant());
        // Written first, checked after: a revocation that lands in between finds the token and removes it, one that
        // landed before is seen here, so a signed-out device never keeps a token.
        return store.put(token)
                .then(store.isRevoked(caller.userId(), caller.deviceId()))
                .flatMap(revoked -> revoked
                        ? store.remove(caller.userId(), caller.deviceId()).then(Mono.error(RevokedDeviceException::new))
                        : Mono.just(TokenView.of(token)));
    }

    @GetMapping
    Mono<TokenView> current(@AuthenticationPrincipal ParleyPrincipal caller) {
        return store.of(caller.userId(), caller.deviceId())
                .map(TokenView::of)
                .switchIfEmpty(Mono.error(NoTokenException::new));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(@AuthenticationPrincipal ParleyPrincipal caller) {
        return store.remove(caller.userId(), caller.deviceId());
    }
}
