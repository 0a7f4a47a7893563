package io.parley.user.privacy;

import io.parley.auth.verification.ParleyPrincipal;
import io.parley.user.web.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Privacy")
class PrivacyController {

    private final Privacy privacy;

    PrivacyController(Privacy privacy) {
        this.privacy = privacy;
    }

    @GetMapping("/v1/users/{userId}/privacy")
    @Operation(summary = "Your privacy settings")
    Mono<PrivacyBody> get(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable UUID userId) {
        Callers.requireSelf(caller, userId);
        return privacy.get(userId).map(PrivacyBody::of);
    }

    @PutMapping("/v1/users/{userId}/privacy")
    @Operation(summary = "Replace your privacy settings")
    Mono<PrivacyBody> put(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable UUID userId,
            @Valid @RequestBody PrivacyBody body) {
        Callers.requireSelf(caller, userId);
        return privacy.put(userId, body.settings()).map(PrivacyBody::of);
    }
}
