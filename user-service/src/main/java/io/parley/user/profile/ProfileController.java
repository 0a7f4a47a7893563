package io.parley.user.profile;

import io.parley.auth.verification.ParleyPrincipal;
import io.parley.user.error.ApiProblem;
import io.parley.user.web.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Profiles")
class ProfileController {

    private final Profiles profiles;

    ProfileController(Profiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/v1/users/{userId}")
    @Operation(summary = "Look up a user by id")
    Mono<Profile> byId(@PathVariable UUID userId) {
        return profiles.find(userId).switchIfEmpty(Mono.error(ApiProblem.notFound("No user " + userId)));
    }

    @GetMapping("/v1/users")
    @Operation(summary = "Look up a user by exact username (case-insensitive)")
    Mono<Profile> byUsername(@RequestParam String username) {
        return profiles.findByUsername(username).switchIfEmpty(Mono.error(ApiProblem.notFound("No user named " + username)));
    }

    @PatchMapping("/v1/users/{userId}")
    @Operation(summary = "Edit your profile", description = "Only fields present change; an empty about or avatarMediaId clears it.")
    Mono<Profile> update(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable UUID userId,
            @Valid @RequestBody ProfileUpdate update) {
        Callers.requireSelf(caller, userId);
        return profiles.update(userId, update).switchIfEmpty(Mono.error(ApiProblem.notFound("No user " + userId)));
    }
}
