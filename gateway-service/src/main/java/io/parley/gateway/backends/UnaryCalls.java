package io.parley.gateway.backends;

import io.grpc.stub.StreamObserver;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/** A unary call of an async gRPC stub as a {@link Mono}. */
public final class UnaryCalls {

    private UnaryCalls() {
    }

    public static <T> Mono<T> call(Consumer<StreamObserver<T>> invocation) {
        return Mono.create(sink -> invocation.accept(new SinkObserver<>(sink)));
    }

    private record SinkObserver<T>(MonoSink<T> sink) implements StreamObserver<T> {
        @Override
        public void onNext(T value) {
            sink.success(value);
        }

        @Override
        public void onError(Throwable error) {
            sink.error(error);
        }

        @Override
        public void onCompleted() {
            sink.success();
        }
    }
}
