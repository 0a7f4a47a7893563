package io.parley.chat.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import io.parley.chat.chats.ChatId;
import io.parley.chat.error.ChatException;
import io.parley.error.GrpcErrors;
import io.parley.proto.chat.v1.SendRequest;
import io.parley.proto.error.v1.ErrorReason;
import io.parley.proto.media.v1.MediaLibraryGrpc;
import io.parley.proto.media.v1.ShareMediaRequest;
import io.parley.proto.media.v1.ShareMediaResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a MediaLibrary stand-in on a real socket: what a media message needs before it is accepted. */
class MediaSharingTest {

    private static final String ALICE = "00000000-0000-4000-8000-00000000000a";
    private static final String BOB = "00000000-0000-4000-8000-00000000000b";
    private static final ChatId CHAT = ChatId.direct(ALICE, BOB);
    private static final String READY = "11111111-1111-4111-8111-111111111111";
    private static final String PENDING = "22222222-2222-4222-8222-222222222222";

    private final List<ShareMediaRequest> shares = new CopyOnWriteArrayList<>();
    private Server server;
    private ManagedChannel channel;
    private MediaSharing sharing;

    @BeforeEach
    void start() throws IOException {
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(new MediaLibraryGrpc.MediaLibraryImplBase() {
            @Override
            public void shareMedia(ShareMediaRequest request, StreamObserver<ShareMediaResponse> responses) {
                shares.add(request);
                switch (request.getMediaId()) {
                    case READY -> {
                        responses.onNext(ShareMediaResponse.newBuilder().setContentType("image/png").setSize(10).build());
                        responses.onCompleted();
                    }
                    case PENDING -> responses.onError(GrpcErrors.status(ErrorReason.INVALID_REQUEST, "not complete",
                            Map.of("media_state", "pending")));
                    default -> responses.onError(GrpcErrors.status(ErrorReason.NOT_FOUND, "no such media", Map.of()));
                }
            }
        }).build().start();
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
        sharing = new MediaSharing(MediaLibraryGrpc.newStub(channel), new MediaLibrarySettings("127.0.0.1:1", Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void aMediaMessageSharesItsMediaIntoTheChatBeforeItIsAccepted() {
        sharing.beforeSend(media("{\"media_id\":\"" + READY + "\",\"caption\":\"hi\"}"), CHAT).join();

        assertThat(shares).singleElement().satisfies(share -> {
            assertThat(share.getUserId()).isEqualTo(ALICE);
            assertThat(share.getMediaId()).isEqualTo(READY);
            assertThat(share.getChatId()).isEqualTo(CHAT.value());
        });
    }

    @Test
    void otherMessagesAreNotLookedAt() {
        sharing.beforeSend(SendRequest.newBuilder().setUserId(ALICE).setContentType("text/plain")
                .setBody(ByteString.copyFromUtf8("{\"media_id\":\"x\"}")).build(), CHAT).join();

        assertThat(shares).isEmpty();
    }

    @Test
    void unknownOrIncompleteMediaOrABodyWithoutMediaIdIsAnInvalidRequest() {
        assertThat(reasonOf(media("{\"media_id\":\"" + PENDING + "\"}"))).isEqualTo(ErrorReason.INVALID_REQUEST);
        assertThat(reasonOf(media("{\"media_id\":\"33333333-3333-4333-8333-333333333333\"}"))).isEqualTo(ErrorReason.INVALID_REQUEST);
        // not JSON, no media_id, a media_id that is not a string
        assertThat(reasonOf(media("garbage"))).isEqualTo(ErrorReason.INVALID_REQUEST);
        assertThat(reasonOf(media("{}"))).isEqualTo(ErrorReason.INVALID_REQUEST);
        assertThat(reasonOf(media("{\"media_id\":7}"))).isEqualTo(ErrorReason.INVALID_REQUEST);
        assertThat(shares).hasSize(2);
    }

    @Test
    void mediaServiceUnreachableIsRetriable() {
        server.shutdownNow();

        assertThat(reasonOf(media("{\"media_id\":\"" + READY + "\"}"))).isEqualTo(ErrorReason.STORAGE_UNAVAILABLE);
    }

    private ErrorReason reasonOf(SendRequest request) {
        try {
            sharing.beforeSend(request, CHAT).join();
        } catch (RuntimeException failure) {
            Throwable cause = ChatException.unwrap(failure);
            assertThat(cause).isInstanceOf(ChatException.class);
            return ((ChatException) cause).reason();
        }
        throw new AssertionError("the media message was accepted");
    }

    private static SendRequest media(String body) {
        return SendRequest.newBuilder().setUserId(ALICE).setDeviceId(BOB).setClientMsgId("m-1").setChatId(CHAT.value())
                .setContentType(MediaSharing.CONTENT_TYPE).setBody(ByteString.copyFromUtf8(body)).build();
    }
}
