package io.parley.user.contact;

import io.parley.auth.verification.ParleyPrincipal;
import io.parley.user.storage.UserRelationTable;
import io.parley.user.web.Callers;
import io.parley.user.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Contacts")
class ContactController {

    private final Contacts contacts;

    ContactController(Contacts contacts) {
        this.contacts = contacts;
    }

    @GetMapping("/v1/users/{userId}/contacts")
    @Operation(summary = "List your contacts, a page at a time", description = "Pass the returned next as ?after= for the next page.")
    Mono<UserRelationTable.Page> list(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable UUID userId,
            @RequestParam(required = false) UUID after, @RequestParam(required = false) Integer limit) {
        Callers.requireSelf(caller, userId);
        return contacts.page(userId, after, PageRequest.limit(limit));
    }

    @PutMapping("/v1/users/{userId}/contacts/{contactId}")
    @Operation(summary = "Add a contact (idempotent)")
    Mono<ResponseEntity<Void>> add(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable UUID userId,
            @PathVariable UUID contactId) {
        Callers.requireSelf(caller, userId);
        return contacts.add(userId, contactId).thenReturn(ResponseEntity.noContent().build());
    }

    @DeleteMapping("/v1/users/{userId}/contacts/{contactId}")
    @Operation(summary = "Remove a contact (idempotent)")
    Mono<ResponseEntity<Void>> remove(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable UUID userId,
            @PathVariable UUID contactId) {
        Callers.requireSelf(caller, userId);
        return contacts.remove(userId, contactId).thenReturn(ResponseEntity.noContent().build());
    }
}
