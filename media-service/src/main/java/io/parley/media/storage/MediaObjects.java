package io.parley.media.storage;

import java.net.URI;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.awscore.presigner.PresignedRequest;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The media objects in the bucket: presigned URLs for clients, and the reads {@code complete} needs to check what a
 * client uploaded. Presigning is local computation (no request to the store).
 */
public final class MediaObjects {

    private final S3AsyncClient s3;
    private final S3Presigner presigner;
    private final String bucket;

    MediaObjects(S3AsyncClient s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /** A PUT whose signature covers the Content-Length and Content-Type: the store refuses any other body. */
    public PresignedUrl presignPut(String key, String contentType, long size, Duration ttl) {
        return of(presigner.presignPutObject(request -> request.signatureDuration(ttl)
                .putObjectRequest(put -> put.bucket(bucket).key(key).contentType(contentType).contentLength(size))));
    }

    /** A GET of the whole object, valid for {@code ttl}. */
    public PresignedUrl presignGet(String key, Duration ttl) {
        return of(presigner.presignGetObject(request -> request.signatureDuration(ttl)
                .getObjectRequest(get -> get.bucket(bucket).key(key))));
    }

    /** The object's length and type; empty if there is no such object. */
    public Mono<StoredObject> head(String key) {
        return Mono.fromFuture(() -> s3.headObject(request -> request.bucket(bucket).key(key)))
                .map(head -> new StoredObject(head.contentLength(), head.contentType()))
                .onErrorResume(MediaObjects::isMissing, missing -> Mono.empty());
    }

    /** Up to {@code count} bytes from the start of the object. */
    public Mono<byte[]> firstBytes(String key, int count) {
        return Mono.fromFuture(() -> s3.getObject(request -> request.bucket(bucket).key(key).range("bytes=0-" + (count - 1)),
                        AsyncResponseTransformer.toBytes()))
                .map(ResponseBytes::asByteArray);
    }

    /** The whole object in memory: only for objects known to be small. */
    public Mono<byte[]> bytes(String key) {
        return Mono.fromFuture(() -> s3.getObject(request -> request.bucket(bucket).key(key), AsyncResponseTransformer.toBytes()))
                .map(ResponseBytes::asByteArray);
    }

    /** Stores a small object the service made itself (a thumbnail). */
    public Mono<Void> put(String key, String contentType, byte[] content) {
        return Mono.fromFuture(() -> s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType),
                AsyncRequestBody.fromBytes(content))).then();
    }

    /** The lower-case hex SHA-256 of the whole object, streamed (never held in memory). */
    public Mono<String> sha256(String key) {
        return Mono.fromFuture(() -> s3.getObject(request -> request.bucket(bucket).key(key),
                        AsyncResponseTransformer.toPublisher()))
                .flatMap(body -> Flux.from(body).reduce(sha256Digest(), MediaObjects::update))
                .map(digest -> HexFormat.of().formatHex(digest.digest()));
    }

    /** Starts a multipart upload of an object of {@code contentType}; S3's id of the upload. */
    public Mono<String> startMultipart(String key, String contentType) {
        return Mono.fromFuture(() -> s3.createMultipartUpload(request -> request.bucket(bucket).key(key)
                        .contentType(contentType)))
                .map(CreateMultipartUploadResponse::uploadId);
    }

    /** A PUT of part {@code number} (from 1) whose signature covers its length. */
    public PresignedUrl presignPart(String key, String uploadId, int number, long size, Duration ttl) {
        return of(presigner.presignUploadPart(request -> request.signatureDuration(ttl)
                .uploadPartRequest(part -> part.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                        .contentLength(size))));
    }

    /** The parts the store holds so far, by number. */
    public Flux<UploadedPart> uploadedParts(String key, String uploadId) {
        return Flux.from(s3.listPartsPaginator(request -> request.bucket(bucket).key(key).uploadId(uploadId)).parts())
                .map(part -> new UploadedPart(part.partNumber(), part.size(), part.eTag()));
    }

    /** Joins the parts into the object. */
    public Mono<Void> finishMultipart(String key, String uploadId, List<UploadedPart> parts) {
        List<CompletedPart> completed = parts.stream()
                .map(part -> CompletedPart.builder().partNumber(part.number()).eTag(part.eTag()).build())
                .toList();
        return Mono.fromFuture(() -> s3.completeMultipartUpload(request -> request.bucket(bucket).key(key)
                .uploadId(uploadId).multipartUpload(upload -> upload.parts(completed)))).then();
    }

    /** Drops a multipart upload and its parts; an upload already gone is fine. */
    public Mono<Void> abortMultipart(String key, String uploadId) {
        return Mono.fromFuture(() -> s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId)))
                .then()
                .onErrorResume(MediaObjects::isMissing, missing -> Mono.empty());
    }

    /** Deletes the object; deleting a missing object is fine. */
    public Mono<Void> delete(String key) {
        return Mono.fromFuture(() -> s3.deleteObject(request -> request.bucket(bucket).key(key))).then();
    }

    private static MessageDigest update(MessageDigest digest, ByteBuffer chunk) {
        digest.update(chunk);
        return digest;
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static boolean isMissing(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof NoSuchKeyException || cause instanceof NoSuchUploadException || (cause instanceof S3Exception s3 && s3.statusCode() == 404);
    }

    private static PresignedUrl of(PresignedRequest presigned) {
        Map<String, String> headers = new LinkedHashMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name, String.join(",", values));
            }
        });
        URI url = URI.create(presigned.url().toString());
        return new PresignedUrl(presigned.httpRequest().method().name(), url, headers,
                presigned.expiration());
    }
}
