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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A JWKS endpoint on loopback whose published keys a test can change, as user-service does on rotation. */
final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicReference<String> document = new AtomicReference<>("{\"keys\":[]}");
    private final AtomicInteger downloads = new AtomicInteger();

    JwksServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/.well-known/jwks.json", exchange -> {
            downloads.incrementAndGet();
            byte[] body = document.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
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

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/.well-known/jwks.json");
    }

    int downloads() {
        return downloads.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
