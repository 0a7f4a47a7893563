package io.parley.push.tokens;

import io.parley.auth.verification.ParleyPrincipal;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The calling user's push preferences, for all of their devices: {@code GET /v1/push/preferences} and
 * {@code PUT} with {@code {"preview": true|false}}. Acts on the user the access token names only; a device signed out
 * within {@code revocation-memory} may not change them (401), as it may not register a token. Errors are
 * problem+json ({@link TokenProblems}).
 */
@RestController
@RequestMapping("/v1/push/preferences")
class PushPreferencesController {

    private final PushPreferences preferences;
    /** Only for the revocation mark. */
    private final PushTokenStore devices;

    PushPreferencesController(PushPreferences preferences, PushTokenStore devices) {
        this.preferences = preferences;
        this.devices = devices;
    }

    @GetMapping
    Mono<PreferencesView> current(@AuthenticationPrincipal ParleyPrincipal caller) {
        return preferences.previewAllowed(caller.userId()).map(PreferencesView::new);
    }

    @PutMapping
    Mono<PreferencesView> change(@AuthenticationPrincipal ParleyPrincipal caller, @Valid @RequestBody PreferencesUpdate body) {
        return devices.isRevoked(caller.userId(), caller.deviceId())
                .flatMap(revoked -> revoked ? Mono.<PreferencesView>error(new RevokedDeviceException())
                        : preferences.setPreview(caller.userId(), body.preview())
                                .thenReturn(new PreferencesView(body.preview())));
    }
}
