package io.parley.grpc.calls;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;

/**
 * Answers a unary call from a {@link CompletableFuture} or a {@link Mono}: one value, or one error mapped by the
 * service's error factory. When the caller cancels (or its deadline passes), the work is cancelled too. A
 * handler that throws instead of returning a failed future is answered like a failed future.
 */
public final class UnaryReplies {

    private UnaryReplies() {
    }

    public static <T> void reply(Supplier<CompletableFuture<T>> handler, StreamObserver<T> observer,
                                 Function<Throwable, StatusRuntimeException> errors) {
        CompletableFuture<T> work;
        try {
            work = handler.get();
        } catch (RuntimeException e) {
            work = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<T> running = work;
        if (observer instanceof ServerCallStreamObserver<T> call) {
            call.setOnCancelHandler(() -> running.cancel(false));
        }
        running.whenComplete((value, failure) -> {
            if (isCancelled(observer)) {
                return;
            }
            if (failure != null) {
                observer.onError(errors.apply(failure));
            } else {
                observer.onNext(value);
                observer.onCompleted();
            }
        });
    }

    public static <T> void reply(Mono<T> result, StreamObserver<T> observer,
                                 Function<Throwable, StatusRuntimeException> errors) {
        Disposable.Swap work = Disposables.swap();
        if (observer instanceof ServerCallStreamObserver<T> call) {
            call.setOnCancelHandler(work::dispose);
        }
        work.update(Mono.defer(() -> result)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("unary handler completed without a value")))
                .subscribe(
                        value -> {
                            observer.onNext(value);
                            observer.onCompleted();
                        },
                        failure -> observer.onError(errors.apply(failure))));
    }

    private static boolean isCancelled(StreamObserver<?> observer) {
        return observer instanceof ServerCallStreamObserver<?> call && call.isCancelled();
    }
}
