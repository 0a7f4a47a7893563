package io.parley.chat.grpc;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Adapts unary calls on async stubs to {@link CompletableFuture}s, and futures back to response observers. */
public final class GrpcFutures {

    private GrpcFutures() {
    }

    /** {@code GrpcFutures.unary(observer -> stub.call(request, observer))}. */
    public static <T> CompletableFuture<T> unary(Consumer<StreamObserver<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            call.accept(new StreamObserver<>() {
                @Override
                public void onNext(T value) {
                    result.complete(value);
                }

                @Override
                public void onError(Throwable error) {
                    result.completeExceptionally(error);
                }

                @Override
                public void onCompleted() {
                    result.completeExceptionally(new IllegalStateException("unary call completed without a response"));
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** Answers a unary call from a future; failures go through {@link ChatErrors}. */
    public static <T> void respond(CompletableFuture<T> response, StreamObserver<T> observer) {
        response.whenComplete((value, failure) -> {
            if (failure != null) {
                observer.onError(ChatErrors.toStatus(failure));
            } else {
                observer.onNext(value);
                observer.onCompleted();
            }
        });
    }
}
