package io.parley.user.keys;

import io.parley.auth.verification.ParleyPrincipal;
import io.parley.user.web.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "E2EE keys")
class KeyController {

    private final KeyDirectory directory;

    KeyController(KeyDirectory directory) {
        this.directory = directory;
    }

    @PutMapping("/v1/users/{userId}/devices/{deviceId}/keys")
    @Operation(summary = "Set this device's identity key and signed prekey",
            description = "The signature must verify (Ed25519) against the identity key; format in docs/identity.md.")
    Mono<ResponseEntity<Void>> putIdentity(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable UUID userId,
            @PathVariable UUID deviceId, @Valid @RequestBody KeyUploads.IdentityKeys body) {
        Callers.requireSameDevice(caller, userId, deviceId);
        return directory.putIdentity(userId, deviceId, body).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/v1/users/{userId}/devices/{deviceId}/keys/one-time")
    @Operation(summary = "Add a batch of one-time prekeys", description = "At most 100 are stored per device.")
    Mono<ResponseEntity<OneTimePreKeyCount>> addOneTime(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable UUID userId,
            @PathVariable UUID deviceId, @Valid @RequestBody KeyUploads.OneTimePreKeys body) {
        Callers.requireSameDevice(caller, userId, deviceId);
        return directory.addOneTime(userId, deviceId, body).map(count -> ResponseEntity.status(HttpStatus.CREATED).body(count));
    }

    @GetMapping("/v1/users/{userId}/devices/{deviceId}/keys/one-time")
    @Operation(summary = "How many one-time prekeys this device has left")
    Mono<OneTimePreKeyCount> count(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable UUID userId,
            @PathVariable UUID deviceId) {
        Callers.requireSameDevice(caller, userId, deviceId);
        return directory.count(userId, deviceId);
    }

    @GetMapping("/v1/users/{userId}/keys")
    @Operation(summary = "Fetch a user's pre-key bundle",
            description = "One entry per device with keys; each carries a one-time prekey that is never handed out again.")
    Mono<PreKeyBundle> bundle(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable UUID userId) {
        return directory.bundle(caller.userId(), userId);
    }
}
