package io.parley.chat.muting;

import io.parley.auth.verification.ParleyPrincipal;
import io.parley.chat.chats.ChatId;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A member mutes a chat for themselves: {@code PUT /v1/chats/{chatId}/mute} with {@code {"for_seconds": 28800}}
 * (or {@code {}}: always; a body is required, so an empty or malformed one is a 400 like any other) and unmutes it with {@code DELETE}. A muted chat produces no push for that member; messages
 * are delivered and counted as before. Members only; errors are problem documents (history's {@code HistoryProblems}).
 */
@RestController
@RequestMapping("/v1/chats/{chatId}/mute")
class MuteController {

    private final Muting muting;

    MuteController(Muting muting) {
        this.muting = muting;
    }

    @PutMapping
    Mono<MuteView> mute(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable String chatId,
            @RequestBody MuteRequest request) {
        ChatId chat = ChatId.parse(chatId);
        Long seconds = request.forSeconds();
        return Mono.fromFuture(() -> muting.mute(caller.userId().toString(), chat, seconds));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> unmute(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable String chatId) {
        ChatId chat = ChatId.parse(chatId);
        return Mono.fromFuture(() -> muting.unmute(caller.userId().toString(), chat));
    }
}
