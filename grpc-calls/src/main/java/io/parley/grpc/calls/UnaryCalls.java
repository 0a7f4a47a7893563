package io.parley.grpc.calls;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * A unary call of a generated async stub as a {@link CompletableFuture} or a {@link Mono}:
 * {@code UnaryCalls.future(observer -> stub.withDeadlineAfter(...).send(request, observer))}.
 *
 * <p>Cancelling the future, or disposing the Mono's subscription, cancels the RPC, so the callee stops working
 * for nobody and the channel frees the stream. A call that ends without a value fails with
 * {@link IllegalStateException} (a unary server must answer one value).
 */
public final class UnaryCalls {

    private UnaryCalls() {
    }

    public static <T> CompletableFuture<T> future(Consumer<StreamObserver<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        start(call, new Outcome<>() {
            @Override
            public void value(T value) {
                result.complete(value);
            }

            @Override
            public void failure(Throwable failure) {
                result.completeExceptionally(failure);
            }

            @Override
            public void onCancel(Runnable cancel) {
                result.whenComplete((value, failure) -> {
                    if (result.isCancelled()) {
                        cancel.run();
                    }
                });
            }
        });
        return result;
    }

    public static <T> Mono<T> mono(Consumer<StreamObserver<T>> call) {
        return Mono.create(sink -> start(call, new Outcome<>() {
            @Override
            public void value(T value) {
                sink.success(value);
            }

            @Override
            public void failure(Throwable failure) {
                sink.error(failure);
            }

            @Override
            public void onCancel(Runnable cancel) {
                sink.onCancel(cancel::run);
            }
        }));
    }

    private static <T> void start(Consumer<StreamObserver<T>> call, Outcome<T> outcome) {
        try {
            call.accept(new Observer<>(outcome));
        } catch (RuntimeException e) {
            outcome.failure(e);
        }
    }

    private interface Outcome<T> {
        void value(T value);

        void failure(Throwable failure);

        /** Runs {@code cancel} when the caller gives up before the call ended. */
        void onCancel(Runnable cancel);
    }

    private static final class Observer<T> implements ClientResponseObserver<Object, T> {

        private final Outcome<T> outcome;
        private boolean answered;

        Observer(Outcome<T> outcome) {
            this.outcome = outcome;
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<Object> request) {
            outcome.onCancel(() -> request.cancel("the caller cancelled", null));
        }

        @Override
        public void onNext(T value) {
            answered = true;
            outcome.value(value);
        }

        @Override
        public void onError(Throwable error) {
            outcome.failure(error);
        }

        @Override
        public void onCompleted() {
            if (!answered) {
                outcome.failure(new IllegalStateException("unary call completed without a response"));
            }
        }
    }
}
