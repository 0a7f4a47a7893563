package io.parley.user.ticket;

import io.parley.auth.verification.ParleyAuthenticationToken;
import io.parley.user.auth.SessionClaim;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Connect tickets")
class ConnectTicketController {

    private final ConnectTickets tickets;

    ConnectTicketController(ConnectTickets tickets) {
        this.tickets = tickets;
    }

    @PostMapping("/v1/connect-tickets")
    @Operation(summary = "Get a single-use ticket to open the WebSocket from a browser",
            description = "Pass it as ?ticket= on the gateway's WebSocket URL; it expires within seconds and works once.")
    Mono<ResponseEntity<ConnectTickets.IssuedTicket>> issue(ParleyAuthenticationToken caller) {
        UUID sessionId = SessionClaim.of(caller);
        return tickets.issue(caller.getPrincipal().userId(), caller.getPrincipal().deviceId(), sessionId)
                .map(ticket -> ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(ticket));
    }
}
