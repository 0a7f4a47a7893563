package io.parley.user.block;

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
@Tag(name = "Blocks")
class BlockController {

    private final Blocks blocks;

    BlockController(Blocks blocks) {
        this.blocks = blocks;
    }

    @GetMapping("/v1/users/{userId}/blocks")
    @Operation(summary = "List the users you block, a page at a time")
    Mono<UserRelationTable.Page> list(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable UUID userId,
            @RequestParam(required = false) UUID after, @RequestParam(required = false) Integer limit) {
        Callers.requireSelf(caller, userId);
        return blocks.page(userId, after, PageRequest.limit(limit));
    }

    @PutMapping("/v1/users/{userId}/blocks/{blockedUserId}")
    @Operation(summary = "Block a user (idempotent)", description = "They can no longer message you or fetch your key bundle.")
    Mono<ResponseEntity<Void>> block(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable UUID userId,
            @PathVariable UUID blockedUserId) {
        Callers.requireSelf(caller, userId);
        return blocks.block(userId, blockedUserId).thenReturn(ResponseEntity.noContent().build());
    }

    @DeleteMapping("/v1/users/{userId}/blocks/{blockedUserId}")
    @Operation(summary = "Unblock a user (idempotent)")
    Mono<ResponseEntity<Void>> unblock(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable UUID userId,
            @PathVariable UUID blockedUserId) {
        Callers.requireSelf(caller, userId);
        return blocks.unblock(userId, blockedUserId).thenReturn(ResponseEntity.noContent().build());
    }
}
