package io.parley.bench.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Plain HTTP/1.1 over the shared event loop, one connection per request, with a choosable source address
 * (java.net.http cannot bind one on Java 17). Enough for REST set-up calls and metric scrapes.
 */
public final class SimpleHttp {

    private static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

    private final Network network;

    public SimpleHttp(Network network) {
        this.network = network;
    }

    public CompletableFuture<HttpResult> get(URI uri, InetSocketAddress source) {
        return exchange(HttpMethod.GET, uri, null, null, source);
    }

    public CompletableFuture<HttpResult> postJson(URI uri, String json, String bearer, InetSocketAddress source) {
        return exchange(HttpMethod.POST, uri, json, bearer, source);
    }

    public CompletableFuture<HttpResult> putJson(URI uri, String json, String bearer, InetSocketAddress source) {
        return exchange(HttpMethod.PUT, uri, json, bearer, source);
    }

    /** Blocking GET for scrapes; throws on transport failure. */
    public HttpResult getNow(URI uri) {
        return get(uri, null).orTimeout(30, TimeUnit.SECONDS).join();
    }

    private CompletableFuture<HttpResult> exchange(HttpMethod method, URI uri, String json, String bearer,
            InetSocketAddress source) {
        CompletableFuture<HttpResult> result = new CompletableFuture<>();
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        InetSocketAddress remote = new InetSocketAddress(uri.getHost(), port);
        var bootstrap = network.bootstrap().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new HttpClientCodec(), new HttpContentDecompressor(),
                        new HttpObjectAggregator(MAX_RESPONSE_BYTES), new SimpleChannelInboundHandler<FullHttpResponse>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
                                result.complete(new HttpResult(response.status().code(),
                                        response.content().toString(StandardCharsets.UTF_8)));
                                ctx.close();
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                result.completeExceptionally(cause);
                                ctx.close();
                            }

                            @Override
                            public void channelInactive(ChannelHandlerContext ctx) {
                                result.completeExceptionally(new IllegalStateException("connection closed by " + uri));
                            }
                        });
            }
        });
        ChannelFuture connect = source == null ? bootstrap.connect(remote) : bootstrap.connect(remote, source);
        connect.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(f.cause());
                return;
            }
            String path = uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
            FullHttpRequest request = json == null
                    ? new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path)
                    : new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path,
                            Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
            request.headers().set(HttpHeaderNames.HOST, uri.getHost() + ":" + port)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                    .set(HttpHeaderNames.ACCEPT_ENCODING, HttpHeaderValues.GZIP)
                    .set(HttpHeaderNames.CONTENT_LENGTH, request.content().readableBytes());
            if (json != null) {
                request.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            }
            if (bearer != null) {
                request.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + bearer);
            }
            f.channel().writeAndFlush(request);
        });
        return result;
    }
}
