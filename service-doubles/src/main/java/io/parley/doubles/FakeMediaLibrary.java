package io.parley.doubles;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.parley.proto.media.v1.MediaLibraryGrpc;
import io.parley.proto.media.v1.ShareMediaRequest;
import io.parley.proto.media.v1.ShareMediaResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for media-service's MediaLibrary on a real socket (chat-service's media messages, group-service's
 * avatars): media a test declared {@link #ready} can be shared by its uploader (so {@code uploader_only} always
 * holds); anything else is NOT_FOUND, as media-service answers for media the sender may not see.
 */
public final class FakeMediaLibrary extends MediaLibraryGrpc.MediaLibraryImplBase {

    private static final FakeMediaLibrary INSTANCE = new FakeMediaLibrary();

    private record Item(String uploader, String contentType) {
    }

    private final Map<String, Item> items = new ConcurrentHashMap<>();
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
        ready(mediaId, uploader, "image/png");
    }

    public void ready(String mediaId, String uploader, String contentType) {
        items.put(mediaId, new Item(uploader, contentType));
    }

    public List<ShareMediaRequest> sharesOf(String mediaId) {
        return shares.stream().filter(share -> share.getMediaId().equals(mediaId)).toList();
    }

    @Override
    public void shareMedia(ShareMediaRequest request, StreamObserver<ShareMediaResponse> responses) {
        Item item = items.get(request.getMediaId());
        if (item == null || !Objects.equals(item.uploader(), request.getUserId())) {
            responses.onError(Status.NOT_FOUND.withDescription("no such media").asRuntimeException());
            return;
        }
        shares.add(request);
        responses.onNext(ShareMediaResponse.newBuilder().setContentType(item.contentType()).setSize(1).build());
        responses.onCompleted();
    }
}
