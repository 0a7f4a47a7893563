package io.parley.client.media;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads files to and downloads them from Parley's media-service (docs/media.md): the bytes go straight to the
 * object store through presigned URLs. A large file is uploaded in parts; a part that fails (a dropped connection,
 * a 5xx, a 403 from a half-sent body) is sent again alone, with backoff, up to {@code attempts} times.
 */
public final class MediaTransfers {

    /** The content type of a message that refers to media; its body is {@link #messageBody}. */
    public static final String MEDIA_MESSAGE_TYPE = "application/vnd.parley.media+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);

    private final URI mediaService;
    private final Supplier<CompletionStage<String>> accessTokens;
    private final HttpClient http;
    private final int attempts;

    /**
     * @param mediaService media-service's base URL, e.g. {@code http://127.0.0.1:8085}
     * @param attempts     how often one part (or the single PUT) is tried before the upload fails
     */
    public MediaTransfers(URI mediaService, Supplier<CompletionStage<String>> accessTokens, HttpClient http, int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        this.mediaService = mediaService;
        this.accessTokens = accessTokens;
        this.http = http;
        this.attempts = attempts;
    }

    /** The body of a media message referring to {@code mediaId}. */
    public static byte[] messageBody(String mediaId) {
        return JSON.writeValueAsBytes(Map.of("media_id", mediaId));
    }

    /** Uploads {@code file} for chat {@code chatId}; completes with the media id once media-service checked it. */
    public CompletableFuture<String> upload(Path file, String chatId, String contentType, UploadProgress progress) {
        return CompletableFuture.supplyAsync(() -> Map.<String, Object>of("chat_id", chatId, "content_type", contentType,
                        "size", size(file), "sha256", HexFormat.of().formatHex(sha256(file))))
                .thenCompose(declared -> api("POST", "/v1/media/uploads", declared))
                .thenCompose(offer -> putAll(file, offer, progress)
                        .thenCompose(done -> api("POST", "/v1/media/" + offer.get("media_id").asString() + "/complete", null)))
                .thenApply(view -> view.get("media_id").asString());
    }

    /** Downloads media {@code mediaId} to {@code target} (replaced if it exists). */
    public CompletableFuture<Path> download(String mediaId, Path target) {
        return api("GET", "/v1/media/" + mediaId, null)
                .thenCompose(link -> http.sendAsync(HttpRequest.newBuilder(URI.create(link.get("url").asString())).GET().build(),
                        HttpResponse.BodyHandlers.ofFile(target)))
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        throw new MediaTransferException("the store refused the download", response.statusCode());
                    }
                    return response.body();
                });
    }

    private CompletableFuture<Void> putAll(Path file, JsonNode offer, UploadProgress progress) {
        long total = size(file);
        if (offer.has("upload")) {
            return putWithRetry(offer.get("upload"), file, 0, total, 1)
                    .thenRun(() -> progress.uploaded(total, total));
        }
        long partSize = offer.get("part_size").asLong();
        List<JsonNode> parts = offer.get("parts").valueStream().toList();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < parts.size(); i++) {
            long offset = i * partSize;
            long length = Math.min(partSize, total - offset);
            JsonNode part = parts.get(i);
            chain = chain.thenCompose(previous -> putWithRetry(part, file, offset, length, 1))
                    .thenRun(() -> progress.uploaded(offset + length, total));
        }
        return chain;
    }

    private CompletableFuture<Void> putWithRetry(JsonNode presigned, Path file, long offset, long length, int attempt) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(presigned.get("url").asString()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(slice(file, offset, length)));
        presigned.get("headers").properties().forEach(header -> {
            if (!header.getKey().equalsIgnoreCase("content-length")) {
                request.header(header.getKey(), header.getValue().asString());
            }
        });
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    if (failure == null && response.statusCode() == 200) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    if (attempt >= attempts) {
                        return CompletableFuture.<Void>failedFuture(new MediaTransferException("the store did not take the upload after "
                                + attempts + " attempts", failure == null ? response.statusCode() : 0));
                    }
                    long delay = FIRST_RETRY.toMillis() << Math.min(attempt - 1, 6);
                    return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS))
                            .thenCompose(waited -> putWithRetry(presigned, file, offset, length, attempt + 1));
                })
                .thenCompose(next -> next);
    }

    private CompletableFuture<JsonNode> api(String method, String path, Map<String, Object> body) {
        return accessTokens.get().toCompletableFuture().thenCompose(token -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(mediaService.resolve(path))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json");
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }).thenApply(response -> {
            if (response.statusCode() / 100 != 2) {
                JsonNode problem = JSON.readTree(response.body());
                throw new MediaTransferException(problem.path("code").asString("") + ": " + problem.path("detail").asString(""),
                        response.statusCode());
            }
            return JSON.readTree(response.body());
        });
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] slice(Path file, long offset, long length) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(length));
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) >= 0) {
                // reads until the slice is full
            }
            return buffer.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return in.getMessageDigest().digest();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
