package io.parley.media.grpc;

import io.grpc.stub.StreamObserver;
import io.parley.grpc.calls.UnaryReplies;
import io.parley.media.error.MediaException;
import io.parley.media.library.MediaIds;
import io.parley.media.library.Sharing;
import io.parley.proto.error.v1.ErrorReason;
import io.parley.proto.media.v1.MediaLibraryGrpc;
import io.parley.proto.media.v1.ShareMediaRequest;
import io.parley.proto.media.v1.ShareMediaResponse;
import reactor.core.publisher.Mono;

/** MediaLibrary for chat-service (media_library.proto). */
final class MediaLibraryGrpcService extends MediaLibraryGrpc.MediaLibraryImplBase {

    private final Sharing sharing;

    MediaLibraryGrpcService(Sharing sharing) {
        this.sharing = sharing;
    }

    @Override
    public void shareMedia(ShareMediaRequest request, StreamObserver<ShareMediaResponse> responses) {
        UnaryReplies.reply(Mono.defer(() -> {
            if (request.getChatId().isBlank()) {
                throw new MediaException(ErrorReason.BAD_CHAT_ID, "chat_id is required");
            }
            return sharing.share(MediaIds.parse("user_id", request.getUserId()),
                            MediaIds.parse("media_id", request.getMediaId()), request.getChatId(), request.getUploaderOnly())
                    .map(item -> ShareMediaResponse.newBuilder().setContentType(item.contentType()).setSize(item.size()).build());
        }), responses, MediaErrors::toStatus);
    }
}
