package io.parley.user.account;

import io.parley.user.ratelimit.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Accounts")
class AccountController {

    private final Registration registration;

    AccountController(Registration registration) {
        this.registration = registration;
    }

    @PostMapping("/v1/accounts")
    @Operation(summary = "Register an account",
            description = "Usernames are case-insensitive and unique; 409 when taken. Rate-limited per client address (429 + Retry-After).")
    Mono<ResponseEntity<AccountCreated>> register(@Valid @RequestBody RegistrationRequest request, ServerWebExchange exchange) {
        return registration.register(request, ClientAddress.of(exchange)).map(account -> ResponseEntity
                .created(URI.create("/v1/users/" + account.userId()))
                .body(new AccountCreated(account.userId(), account.username(), account.displayName())));
    }
}
