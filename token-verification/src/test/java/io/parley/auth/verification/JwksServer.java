package io.parley.auth.verification;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A JWKS endpoint on loopback whose published keys a test can change, as user-service does on rotation. */
final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicReference<String> document = new AtomicReference<>("{\"keys\":[]}");
    private final AtomicInteger downloads = new AtomicInteger();
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile CountDownLatch held = new CountDownLatch(0);

    JwksServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/.well-known/jwks.json", exchange -> {
            downloads.incrementAndGet();
            awaitRelease();
            byte[] body = document.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(failing.get() ? 503 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    void publish(JWK... keys) {
        List<JWK> publicKeys = Arrays.stream(keys).map(JWK::toPublicJWK).toList();
        document.set(new JWKSet(publicKeys).toString());
    }

    /** While failing, every download is answered 503, as by a user-service that is starting or overloaded. */
    void failing(boolean failing) {
        this.failing.set(failing);
    }

    /** Downloads wait (the first one blocks the server's one thread, so later ones queue) until {@link #release()}. */
    void hold() {
        held = new CountDownLatch(1);
    }

    void release() {
        held.countDown();
    }

    private void awaitRelease() {
        try {
            if (!held.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the held JWKS download");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/.well-known/jwks.json");
    }

    int downloads() {
        return downloads.get();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
