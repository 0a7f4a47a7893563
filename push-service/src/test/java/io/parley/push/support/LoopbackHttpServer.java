package io.parley.push.support;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;

/** An HTTP server on a free loopback port serving {@code handlers} by path prefix, stopped when the test JVM exits. */
final class LoopbackHttpServer {

    private LoopbackHttpServer() {
    }

    static HttpServer start(String name, Map<String, HttpHandler> handlers) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            handlers.forEach(server::createContext);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "stop-" + name));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the " + name, e);
        }
    }

    static String origin(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
