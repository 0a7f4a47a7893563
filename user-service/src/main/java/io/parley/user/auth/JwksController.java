package io.parley.user.auth;

import io.parley.user.auth.signing.SigningKeyRing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Authentication")
class JwksController {

    private final SigningKeyRing keys;

    JwksController(SigningKeyRing keys) {
        this.keys = keys;
    }

    /** Verifiers cache this; an unknown kid makes them fetch again, so a short max-age is enough. */
    @GetMapping(path = "/v1/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Public keys that verify access tokens (RFC 7517 JWK Set)",
            description = "Current key, keys that still sign unexpired tokens, and the next key before it signs.")
    ResponseEntity<String> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keys.publicKeys().toString());
    }
}
