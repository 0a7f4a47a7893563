package io.parley.grpc.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.parley.proto.chat.v1.ChatServiceGrpc;
import io.parley.proto.chat.v1.FetchInboxRequest;
import io.parley.proto.chat.v1.FetchInboxResponse;
import io.parley.proto.chat.v1.MarkReadRequest;
import io.parley.proto.chat.v1.MarkReadResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;

/** markRead answers from a future, fetchInbox from a Mono; chat "hang" never answers, "fail" fails. */
@Timeout(10)
class UnaryRepliesTest {

    private static final Function<Throwable, StatusRuntimeException> ERRORS =
            failure -> Status.FAILED_PRECONDITION.withDescription("mapped: " + failure.getMessage()).asRuntimeException();

    private final CompletableFuture<MarkReadResponse> hangingWork = new CompletableFuture<>();
    private final CountDownLatch monoCancelled = new CountDownLatch(1);
    private final CountDownLatch handlerStarted = new CountDownLatch(1);
    private Server server;
    private ManagedChannel channel;
    private ChatServiceGrpc.ChatServiceBlockingStub blocking;
    private ChatServiceGrpc.ChatServiceStub async;

    @BeforeEach
    void start() throws IOException {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor().addService(new ChatServiceGrpc.ChatServiceImplBase() {
            @Override
            public void markRead(MarkReadRequest request, StreamObserver<MarkReadResponse> response) {
                UnaryReplies.reply(() -> switch (request.getChatId()) {
                    case "hang" -> {
                        handlerStarted.countDown();
                        yield hangingWork;
                    }
                    case "fail" -> CompletableFuture.failedFuture(new IllegalStateException("store down"));
                    case "throw" -> throw new IllegalArgumentException("handler threw");
                    default -> CompletableFuture.completedFuture(MarkReadResponse.newBuilder().setReadUpToSeq(3).build());
                }, response, ERRORS);
            }

            @Override
            public void fetchInbox(FetchInboxRequest request, StreamObserver<FetchInboxResponse> response) {
                Mono<FetchInboxResponse> result = request.getAfterInboxSeq() == 99
                        ? Mono.<FetchInboxResponse>never().doOnSubscribe(s -> handlerStarted.countDown()).doOnCancel(monoCancelled::countDown)
                        : Mono.just(FetchInboxResponse.newBuilder().setLatestInboxSeq(5).build());
                UnaryReplies.reply(result, response, ERRORS);
            }
        }).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        blocking = ChatServiceGrpc.newBlockingStub(channel);
        async = ChatServiceGrpc.newStub(channel);
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void answersFromAFuture() {
        assertThat(blocking.markRead(read("d:a:b")).getReadUpToSeq()).isEqualTo(3);
    }

    @Test
    void failuresAndThrowingHandlersGoThroughTheErrorFactory() {
        assertThatThrownBy(() -> blocking.markRead(read("fail")))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                    assertThat(e.getStatus().getDescription()).isEqualTo("mapped: store down");
                });
        assertThatThrownBy(() -> blocking.markRead(read("throw")))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getDescription()).isEqualTo("mapped: handler threw"));
    }

    @Test
    void aCancelledCallCancelsTheFuture() throws InterruptedException {
        CompletableFuture<MarkReadResponse> call = UnaryCalls.future(observer -> async.markRead(read("hang"), observer));
        assertThat(handlerStarted.await(5, TimeUnit.SECONDS)).isTrue();

        call.cancel(false);

        assertThat(hangingWork).isCancelled();
    }

    @Test
    void answersFromAMonoAndACancelledCallDisposesIt() throws InterruptedException {
        assertThat(blocking.fetchInbox(FetchInboxRequest.getDefaultInstance()).getLatestInboxSeq()).isEqualTo(5);

        CompletableFuture<FetchInboxResponse> call = UnaryCalls.future(observer ->
                async.fetchInbox(FetchInboxRequest.newBuilder().setAfterInboxSeq(99).build(), observer));
        assertThat(handlerStarted.await(5, TimeUnit.SECONDS)).isTrue();
        call.cancel(false);

        assertThat(monoCancelled.await(5, TimeUnit.SECONDS)).isTrue();
    }

    private static MarkReadRequest read(String chat) {
        return MarkReadRequest.newBuilder().setUserId("u").setDeviceId("d").setChatId(chat).setUpToSeq(3).build();
    }
}
