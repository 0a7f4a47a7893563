package io.parley.chat.media;

import io.grpc.Status;
import io.parley.chat.chats.ChatId;
import io.parley.chat.error.ChatException;
import io.parley.error.GrpcErrors;
import io.parley.grpc.calls.UnaryCalls;
import io.parley.proto.chat.v1.SendRequest;
import io.parley.proto.error.v1.ErrorReason;
import io.parley.proto.media.v1.MediaLibraryGrpc;
import io.parley.proto.media.v1.ShareMediaRequest;
import io.parley.proto.media.v1.ShareMediaResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Media messages (content type {@value #CONTENT_TYPE}, body a JSON object with {@code media_id}; docs/media.md):
 * before one is accepted, media-service must agree that the media exists, is complete and may be shared by the
 * sender, and records the chat, so that the chat's members may download it: a 1:1 chat's two users, or a group
 * chat's current members (media-service asks CheckMembership on every download, so a member removed later loses
 * access). The sender is authorized for the chat before this runs. Other messages pass untouched.
 * A refusal is INVALID_REQUEST naming the field; media-service unreachable is STORAGE_UNAVAILABLE (retriable: no
 * message was accepted).
 */
public final class MediaSharing {

    public static final String CONTENT_TYPE = "application/vnd.parley.media+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MediaLibraryGrpc.MediaLibraryStub library;
    private final MediaLibrarySettings settings;

    public MediaSharing(MediaLibraryGrpc.MediaLibraryStub library, MediaLibrarySettings settings) {
        this.library = library;
        this.settings = settings;
    }

    /** Completes when {@code request} may be sent as far as its media is concerned. */
    public CompletableFuture<Void> beforeSend(SendRequest request, ChatId chat) {
        if (!CONTENT_TYPE.equals(request.getContentType())) {
            return CompletableFuture.completedFuture(null);
        }
        String mediaId = mediaIdOf(request);
        ShareMediaRequest share = ShareMediaRequest.newBuilder()
                .setUserId(request.getUserId()).setMediaId(mediaId).setChatId(chat.value()).build();
        return UnaryCalls.<ShareMediaResponse>future(observer -> library
                        .withDeadlineAfter(settings.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .shareMedia(share, observer))
                .handle((shared, failure) -> {
                    if (failure != null) {
                        throw refusal(failure);
                    }
                    return null;
                });
    }

    private static String mediaIdOf(SendRequest request) {
        try {
            JsonNode id = JSON.readTree(request.getBody().toStringUtf8()).get("media_id");
            if (id != null && id.isString() && !id.asString().isBlank()) {
                return id.asString();
            }
        } catch (JacksonException notJson) {
            // answered below
        }
        throw new ChatException(ErrorReason.INVALID_REQUEST, "the body of a media message is a JSON object with media_id",
                Map.of("field", "body.media_id"), null);
    }

    private static ChatException refusal(Throwable failure) {
        Throwable cause = ChatException.unwrap(failure);
        Status.Code code = Status.fromThrowable(cause).getCode();
        if (code == Status.Code.NOT_FOUND || code == Status.Code.INVALID_ARGUMENT) {
            Map<String, String> metadata = GrpcErrors.infoOf(cause).map(info -> info.getMetadataMap()).orElse(Map.of());
            String detail = code == Status.Code.NOT_FOUND ? "media_id names no media you may share"
                    : "the media cannot be shared: " + Status.fromThrowable(cause).getDescription();
            return new ChatException(ErrorReason.INVALID_REQUEST, detail, withField(metadata), null);
        }
        return new ChatException(ErrorReason.STORAGE_UNAVAILABLE, "media-service cannot be reached; retry", Map.of(), cause);
    }

    private static Map<String, String> withField(Map<String, String> metadata) {
        HashMap<String, String> all = new HashMap<>(metadata);
        all.putIfAbsent("field", "body.media_id");
        return all;
    }
}
