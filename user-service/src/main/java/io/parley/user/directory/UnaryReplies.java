package io.parley.user.directory;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;

/** Answers a unary call from a Mono: one value or one mapped error; a cancelled call cancels the work. */
final class UnaryReplies {

    private UnaryReplies() {
    }

    static <T> void reply(Mono<T> result, StreamObserver<T> observer) {
        Disposable.Swap work = Disposables.swap();
        if (observer instanceof ServerCallStreamObserver<T> call) {
            call.setOnCancelHandler(work::dispose);
        }
        work.update(Mono.defer(() -> result)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("No result")))
                .subscribe(
                        value -> {
                            observer.onNext(value);
                            observer.onCompleted();
                        },
                        failure -> observer.onError(DirectoryErrors.from(failure))));
    }
}
