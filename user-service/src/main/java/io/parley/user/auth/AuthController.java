package io.parley.user.auth;

import io.parley.auth.verification.ParleyPrincipal;
import io.parley.user.ratelimit.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Authentication")
class AuthController {

    private final Sessions sessions;

    AuthController(Sessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/v1/auth/login")
    @Operation(summary = "Log in and bind a device",
            description = "Returns an access JWT and a refresh token. Rate-limited per username and per client address (429 + Retry-After).")
    Mono<ResponseEntity<TokenResponse>> login(@Valid @RequestBody LoginRequest request, ServerWebExchange exchange) {
        return sessions.login(request, ClientAddress.of(exchange)).map(AuthController::noStore);
    }

    @PostMapping("/v1/auth/refresh")
    @Operation(summary = "Exchange a refresh token",
            description = "Rotates the refresh token. Reusing an exchanged one signs the device out (401 refresh-token-reused).")
    Mono<ResponseEntity<TokenResponse>> refresh(@Valid @RequestBody RefreshRequest request) {
        return sessions.refresh(request.refreshToken()).map(AuthController::noStore);
    }

    @PostMapping("/v1/auth/logout")
    @Operation(summary = "Sign this device out", description = "Revokes its session and publishes DeviceRevoked.")
    Mono<ResponseEntity<Void>> logout(@AuthenticationPrincipal ParleyPrincipal caller) {
        return sessions.logout(caller).thenReturn(ResponseEntity.noContent().build());
    }

    private static ResponseEntity<TokenResponse> noStore(TokenResponse tokens) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens);
    }
}
