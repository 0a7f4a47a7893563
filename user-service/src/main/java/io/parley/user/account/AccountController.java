package io.parley.user.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Accounts")
class AccountController {

    private final Registration registration;

    AccountController(Registration registration) {
        this.registration = registration;
    }

    @PostMapping("/v1/accounts")
    @Operation(summary = "Register an account", description = "Usernames are case-insensitive and unique; 409 when taken.")
    Mono<ResponseEntity<AccountCreated>> register(@Valid @RequestBody RegistrationRequest request) {
        return registration.register(request).map(account -> ResponseEntity
                .created(URI.create("/v1/users/" + account.userId()))
                .body(new AccountCreated(account.userId(), account.username(), account.displayName())));
    }
}
