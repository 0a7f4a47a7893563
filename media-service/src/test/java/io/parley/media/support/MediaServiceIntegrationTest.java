package io.parley.media.support;

import io.parley.proto.media.v1.ShareMediaRequest;
import io.parley.testkit.CassandraExtension;
import io.parley.testkit.S3Extension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of media-service's integration tests: the real service on random ports against real Cassandra and a real S3
 * (S3Proxy, checking signatures), with chat membership from {@link FakeChatMembership}. Clients talk to the store
 * the way apps do: plain HTTP to the presigned URLs.
 *
 * <p>The service's keyspace and bucket are made per test JVM and created by the service itself (migrations,
 * create-bucket), because the Spring context outlives a test class while the test kit's per-class keyspace and bucket
 * would be dropped after it. Tests never share users, so they need no cleanup.
 */
@Tag("integration")
@Timeout(300)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.grpc.server.port=0",
        "parley.media.uploads.daily-quota=150MB",
        // the first call on a cold channel of a loaded two-core machine can take seconds
        "parley.media.chat-membership.deadline=15s"})
@AutoConfigureWebTestClient(timeout = "PT60S")
@Import({TestAuthentication.class, MediaGrpc.class})
public abstract class MediaServiceIntegrationTest {

    private static final String RUN = Long.toHexString(new SecureRandom().nextLong() >>> 1);
    /** The service's bucket. */
    protected static final String BUCKET = "media-it-" + RUN;
    /** Not registered as extensions: their per-class keyspace and bucket would outlive nothing here. */
    protected static final CassandraExtension CASSANDRA = new CassandraExtension();
    protected static final S3Extension S3 = new S3Extension();
    protected static final FakeChatMembership CHATS = FakeChatMembership.instance();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static {
        CompletableFuture.runAsync(CASSANDRA::contactPoint);
    }

    @Autowired
    protected WebTestClient web;
    @Autowired
    protected MediaGrpc grpc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("parley.cassandra.contact-points", CASSANDRA::contactPoints);
        registry.add("parley.cassandra.local-datacenter", CASSANDRA::localDatacenter);
        registry.add("parley.cassandra.keyspace", () -> "media_it_" + RUN);
        registry.add("parley.media.s3.endpoint", () -> S3.endpoint().toString());
        registry.add("parley.media.s3.region", S3::region);
        registry.add("parley.media.s3.access-key", S3::accessKey);
        registry.add("parley.media.s3.secret-key", S3::secretKey);
        registry.add("parley.media.s3.bucket", () -> BUCKET);
        registry.add("parley.media.s3.create-bucket", () -> "true");
        registry.add("parley.media.chat-membership.address", CHATS::address);
    }

    protected WebTestClient.ResponseSpec requestUpload(UUID user, String chat, String contentType, long size, String sha256) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chat);
        body.put("content_type", contentType);
        body.put("size", size);
        if (sha256 != null) {
            body.put("sha256", sha256);
        }
        return web.post().uri("/v1/media/uploads").header(HttpHeaders.AUTHORIZATION, bearer(user)).bodyValue(body).exchange();
    }

    /** An accepted upload offer. */
    protected Map<String, Object> offer(UUID user, String chat, String contentType, byte[] content) {
        return requestUpload(user, chat, contentType, content.length, sha256(content))
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    /** Uploads {@code content} through its presigned PUT and completes it; the media id. */
    protected String uploaded(UUID uploader, String chat, String contentType, byte[] content) {
        Map<String, Object> offer = offer(uploader, chat, contentType, content);
        @SuppressWarnings("unchecked")
        Map<String, Object> upload = (Map<String, Object>) offer.get("upload");
        if (put(upload, content).statusCode() != 200) {
            throw new AssertionError("the store refused the declared upload");
        }
        complete(uploader, offer.get("media_id")).expectStatus().isOk();
        return (String) offer.get("media_id");
    }

    protected WebTestClient.ResponseSpec complete(UUID user, Object mediaId) {
        return web.post().uri("/v1/media/{id}/complete", mediaId).header(HttpHeaders.AUTHORIZATION, bearer(user)).exchange();
    }

    protected WebTestClient.ResponseSpec download(UUID user, Object mediaId) {
        return web.get().uri("/v1/media/{id}", mediaId).header(HttpHeaders.AUTHORIZATION, bearer(user)).exchange();
    }

    /** The presigned download URL {@code user} gets. */
    protected URI downloadUrl(UUID user, Object mediaId) {
        Map<String, Object> link = download(user, mediaId).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        return URI.create((String) link.get("url"));
    }

    protected void share(UUID user, Object mediaId, String chat) {
        share("chat-service", user, mediaId, chat, false);
    }

    /** As group-service shares a group's avatar into the group's chat. */
    protected void shareAvatar(UUID user, Object mediaId, String chat) {
        share("group-service", user, mediaId, chat, true);
    }

    protected void share(String caller, UUID user, Object mediaId, String chat, boolean uploaderOnly) {
        grpc.libraryAs(caller).shareMedia(ShareMediaRequest.newBuilder().setUserId(user.toString())
                .setMediaId(mediaId.toString()).setChatId(chat).setUploaderOnly(uploaderOnly).build());
    }

    /** PUTs {@code body} to a presigned request with its signed headers (the client library sets Content-Length). */
    @SuppressWarnings("unchecked")
    protected static HttpResponse<String> put(Map<String, Object> presigned, byte[] body, Map<String, String> overrides) {
        Map<String, String> headers = new LinkedHashMap<>((Map<String, String>) presigned.get("headers"));
        headers.putAll(overrides);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create((String) presigned.get("url")))
                .timeout(Duration.ofSeconds(120))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length")) {
                request.header(name, value);
            }
        });
        return send(request.build());
    }

    protected static HttpResponse<String> put(Map<String, Object> presigned, byte[] body) {
        return put(presigned, body, Map.of());
    }

    /**
     * The status the store answers a PUT with, or -1 when it broke the connection instead (S3Proxy may close it
     * while the client reads its refusal): either way the store did not take the body.
     */
    protected static int statusOrBroken(Map<String, Object> presigned, byte[] body, Map<String, String> overrides) {
        try {
            return put(presigned, body, overrides).statusCode();
        } catch (UncheckedIOException broken) {
            return -1;
        }
    }

    protected static HttpResponse<byte[]> fetch(URI url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(120)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static String bearer(UUID user) {
        return "Bearer " + TestAuthentication.tokenOf(user);
    }

    protected static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
