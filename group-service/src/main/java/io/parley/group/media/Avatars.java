package io.parley.group.media;

import io.grpc.Status;
import io.parley.group.error.GroupException;
import io.parley.grpc.calls.UnaryCalls;
import io.parley.proto.error.v1.ErrorReason;
import io.parley.proto.media.v1.MediaLibraryGrpc;
import io.parley.proto.media.v1.ShareMediaRequest;
import io.parley.proto.media.v1.ShareMediaResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/**
 * A group's avatar is shared into the group's chat through media-service's MediaLibrary on the editor's behalf, so
 * the group's members (those who may see the group) may download it like any media of the chat (docs/media.md). It
 * must be the editor's own completed upload ({@code uploader_only}) and an image; otherwise INVALID_REQUEST naming
 * {@code avatar_media_id}. media-service unreachable is STORAGE_UNAVAILABLE (retriable: nothing was changed).
 */
public class Avatars {

    static final String FIELD = "avatar_media_id";

    private final MediaLibraryGrpc.MediaLibraryStub stub;
    private final MediaLibrarySettings settings;

    public Avatars(MediaLibraryGrpc.MediaLibraryStub stub, MediaLibrarySettings settings) {
        this.stub = stub;
        this.settings = settings;
    }

    /** Completes once {@code mediaId} is shared into {@code chatId} as the avatar {@code editor} sets. */
    public Mono<Void> share(UUID editor, String mediaId, String chatId) {
        ShareMediaRequest request = ShareMediaRequest.newBuilder().setUserId(editor.toString()).setMediaId(mediaId)
                .setChatId(chatId).setUploaderOnly(true).build();
        return UnaryCalls.<ShareMediaResponse>mono(observer -> stub
                        .withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .shareMedia(request, observer))
                .onErrorMap(failure -> !(failure instanceof GroupException), Avatars::refusal)
                .flatMap(shared -> shared.getContentType().startsWith("image/") ? Mono.<Void>empty()
                        : Mono.error(invalid("the avatar must be an image, not " + shared.getContentType())));
    }

    private static GroupException refusal(Throwable failure) {
        Status.Code code = Status.fromThrowable(failure).getCode();
        if (code == Status.Code.NOT_FOUND || code == Status.Code.INVALID_ARGUMENT) {
            return invalid("avatar_media_id names no completed upload of yours");
        }
        return new GroupException(ErrorReason.STORAGE_UNAVAILABLE,
                "media-service cannot be reached (" + code + "); retry");
    }

    private static GroupException invalid(String message) {
        return new GroupException(ErrorReason.INVALID_REQUEST, message, Map.of("field", FIELD));
    }
}
