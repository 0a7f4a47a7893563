package io.parley.architecture.planted.blocking.violating.web;

import java.util.concurrent.ExecutionException;
import reactor.core.publisher.Mono;

public class StatusHandler {
    public String status() throws ExecutionException, InterruptedException {
        return Mono.just("UP").toFuture().get();
    }
}
