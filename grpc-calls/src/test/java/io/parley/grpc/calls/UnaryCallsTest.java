package io.parley.grpc.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.parley.proto.chat.v1.ChatServiceGrpc;
import io.parley.proto.chat.v1.MarkReadRequest;
import io.parley.proto.chat.v1.MarkReadResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.Disposable;

/** Real generated stubs against an in-process server whose markRead echoes, fails or hangs by chat id. */
@Timeout(10)
class UnaryCallsTest {

    private final CountDownLatch serverSawCancel = new CountDownLatch(1);
    private final CountDownLatch serverStarted = new CountDownLatch(1);
    private Server server;
    private ManagedChannel channel;
    private ChatServiceGrpc.ChatServiceStub stub;

    @BeforeEach
    void start() throws IOException {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor().addService(new ChatServiceGrpc.ChatServiceImplBase() {
            @Override
            public void markRead(MarkReadRequest request, StreamObserver<MarkReadResponse> response) {
                switch (request.getChatId()) {
                    case "fail" -> response.onError(Status.PERMISSION_DENIED.withDescription("no").asRuntimeException());
                    case "hang" -> {
                        ((ServerCallStreamObserver<MarkReadResponse>) response).setOnCancelHandler(serverSawCancel::countDown);
                        serverStarted.countDown();
                    }
                    case "empty" -> response.onCompleted();
                    default -> {
                        response.onNext(MarkReadResponse.newBuilder().setReadUpToSeq(request.getUpToSeq()).build());
                        response.onCompleted();
                    }
                }
            }
        }).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        stub = ChatServiceGrpc.newStub(channel);
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void aFutureCompletesWithTheAnswer() throws Exception {
        assertThat(UnaryCalls.<MarkReadResponse>future(observer -> stub.markRead(request("d:a:b"), observer)).get()
                .getReadUpToSeq()).isEqualTo(7);
    }

    @Test
    void aFutureFailsWithTheStatus() {
        assertThatThrownBy(() -> UnaryCalls.<MarkReadResponse>future(observer -> stub.markRead(request("fail"), observer)).get())
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void aCallWithoutAnswerFails() {
        assertThatThrownBy(() -> UnaryCalls.<MarkReadResponse>future(observer -> stub.markRead(request("empty"), observer)).get())
                .isInstanceOf(ExecutionException.class);
    }

    @Test
    void cancellingTheFutureCancelsTheCall() throws InterruptedException {
        CompletableFuture<MarkReadResponse> call = UnaryCalls.future(observer -> stub.markRead(request("hang"), observer));
        assertThat(serverStarted.await(5, TimeUnit.SECONDS)).isTrue();

        call.cancel(false);

        assertThat(serverSawCancel.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aMonoEmitsTheAnswer() {
        assertThat(UnaryCalls.<MarkReadResponse>mono(observer -> stub.markRead(request("d:a:b"), observer))
                .block(Duration.ofSeconds(5)).getReadUpToSeq()).isEqualTo(7);
    }

    @Test
    void disposingTheMonoCancelsTheCall() throws InterruptedException {
        Disposable subscription = UnaryCalls.<MarkReadResponse>mono(observer -> stub.markRead(request("hang"), observer)).subscribe();
        assertThat(serverStarted.await(5, TimeUnit.SECONDS)).isTrue();

        subscription.dispose();

        assertThat(serverSawCancel.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aStubThatThrowsFailsTheFuture() {
        assertThat(UnaryCalls.<MarkReadResponse>future(observer -> {
            throw new IllegalArgumentException("bad stub");
        })).isCompletedExceptionally();
    }

    private static MarkReadRequest request(String chat) {
        return MarkReadRequest.newBuilder().setUserId("u").setDeviceId("d").setChatId(chat).setUpToSeq(7).build();
    }
}
