package io.parley.gateway.tools;

import io.parley.gateway.support.FakeBackends;
import io.parley.gateway.support.TestTokens;
import io.parley.protocol.Protocol;
import io.parley.testkit.RedisExtension;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.ConnectionProvider;

/**
 * Measuring tool, not a test: holds many idle, authenticated device connections open against a gateway running in
 * its own JVM, so the gateway's heap and RSS per connection can be read with jcmd and /proc (docs/performance.md,
 * "Idle connections", has the full procedure).
 *
 * <pre>
 * backends DIR COUNT          real Redis, a JWKS and faked chat/user services; writes DIR/gateway.properties
 *                             (the gateway's settings) and DIR/tokens.txt (COUNT access tokens); runs until killed
 * clients URI TOKENS FROM TO ADDRESSES
 *                             connects tokens FROM..TO-1 from 127.0.0.2..127.0.0.(1+ADDRESSES), syncs each from
 *                             cursor 0, then pings every 20 s like an idle device; runs until killed
 * </pre>
 */
public final class IdleConnectionsProbe {

    private static final Duration PING_EVERY = Duration.ofSeconds(20);
    private static final int CONNECTING_AT_ONCE = 64;
    private static final Duration TOKEN_VALIDITY = Duration.ofHours(12);
    /** The high bits of every user and device id of the probe (ids must be UUIDs). */
    private static final long IDS = 0x1d1e_0000_0000_0000L;

    private IdleConnectionsProbe() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "backends" -> backends(Path.of(args[1]), Integer.parseInt(args[2]));
            case "clients" -> clients(URI.create(args[1]), Path.of(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("usage: backends DIR COUNT | clients URI TOKENS FROM TO ADDRESSES");
        }
    }

    private static void backends(Path dir, int count) throws Exception {
        RedisExtension redis = new RedisExtension();
        redis.flushAll();
        TestTokens tokens = new TestTokens();
        FakeBackends backends = new FakeBackends();
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(tokens.accessToken(new UUID(IDS, i).toString(), new UUID(IDS, -1 - i).toString(), TOKEN_VALIDITY));
        }
        Files.write(dir.resolve("tokens.txt"), lines);
        Files.writeString(dir.resolve("gateway.properties"), String.join("\n",
                "parley.redis.url=" + redis.uri(),
                "parley.auth.jwks-uri=" + tokens.jwksUri(),
                "parley.auth.issuer=" + TestTokens.ISSUER,
                "parley.gateway.chat-service.address=" + backends.chatAddress(),
                "parley.gateway.user-service.address=" + backends.usersAddress(),
                // Revocation needs Kafka; an idle connection does not touch it.
                "spring.kafka.listener.auto-startup=false",
                ""));
        System.out.println("backends ready in " + dir);
        new CountDownLatch(1).await();
    }

    private static void clients(URI uri, Path tokenFile, int from, int to, int addresses) throws Exception {
        List<String> tokens = Files.readAllLines(tokenFile).subList(from, to);
        AtomicInteger synced = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConnectionProvider unpooled = ConnectionProvider.newConnection();
        Flux.range(0, tokens.size())
                .flatMap(i -> connect(unpooled, uri, tokens.get(i), "127.0.0." + (2 + i % addresses), synced)
                        .onErrorResume(error -> {
                            failed.incrementAndGet();
                            System.err.println("connection " + (from + i) + ": " + error);
                            return Mono.empty();
                        }), CONNECTING_AT_ONCE)
                .subscribe();
        Flux.interval(Duration.ofSeconds(5)).subscribe(tick ->
                System.out.println("synced " + synced.get() + " of " + tokens.size() + ", failed " + failed.get()));
        new CountDownLatch(1).await();
    }

    /** Completes when the connection is synced (it stays open); fails if it ends before. */
    private static Mono<Void> connect(ConnectionProvider provider, URI uri, String token, String sourceAddress,
            AtomicInteger synced) {
        Mono<Void> syncedSignal = Mono.create(sink -> HttpClient.create(provider)
                .bindAddress(() -> new InetSocketAddress(sourceAddress, 0))
                .headers(headers -> headers.set("Authorization", "Bearer " + token))
                .websocket(WebsocketClientSpec.builder().protocols(Protocol.SUBPROTOCOL_V1).build())
                .uri(uri)
                .handle((in, out) -> {
                    Flux<String> frames = Flux.concat(Mono.just("{\"type\":\"sync\",\"cursor\":0}"),
                            Flux.interval(PING_EVERY).map(n -> "{\"type\":\"ping\",\"ref\":\"p" + n + "\"}"));
                    Mono<Void> reading = in.receive().asString().doOnNext(frame -> {
                        if (frame.contains("\"synced\"")) {
                            synced.incrementAndGet();
                            sink.success();
                        }
                    }).then();
                    return Mono.when(out.sendString(frames), reading);
                })
                .subscribe(null, sink::error, () -> sink.error(new IllegalStateException("closed before synced"))));
        return syncedSignal;
    }
}
