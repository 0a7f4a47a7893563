package io.parley.chat.support;

import io.grpc.stub.StreamObserver;
import io.parley.doubles.DoubleServer;
import io.parley.error.GrpcErrors;
import io.parley.proto.error.v1.ErrorReason;
import io.parley.proto.media.v1.MediaLibraryGrpc;
import io.parley.proto.media.v1.ShareMediaRequest;
import io.parley.proto.media.v1.ShareMediaResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for media-service's MediaLibrary on a real socket: media a test declared {@link #ready} (for its
 * uploader) can be shared; anything else is NOT_FOUND, as media-service answers for media the sender may not see.
 */
public final class FakeMediaLibrary extends MediaLibraryGrpc.MediaLibraryImplBase {

    private static final FakeMediaLibrary INSTANCE = new FakeMediaLibrary();

    private final Map<String, String> uploaderOf = new ConcurrentHashMap<>();
    private final List<ShareMediaRequest> shares = new CopyOnWriteArrayList<>();
    private final DoubleServer server;

    private FakeMediaLibrary() {
        server = DoubleServer.serving("media-service", this);
    }

    public static FakeMediaLibrary instance() {
        return INSTANCE;
    }

    public String address() {
        return server.address();
    }

    public void ready(String mediaId, String uploader) {
        uploaderOf.put(mediaId, uploader);
    }

    public List<ShareMediaRequest> sharesOf(String mediaId) {
        return shares.stream().filter(share -> share.getMediaId().equals(mediaId)).toList();
    }

    @Override
    public void shareMedia(ShareMediaRequest request, StreamObserver<ShareMediaResponse> responses) {
        if (!request.getUserId().equals(uploaderOf.get(request.getMediaId()))) {
            responses.onError(GrpcErrors.status(ErrorReason.NOT_FOUND, "no such media", Map.of()));
            return;
        }
        shares.add(request);
        responses.onNext(ShareMediaResponse.newBuilder().setContentType("image/png").setSize(1).build());
        responses.onCompleted();
    }
}
