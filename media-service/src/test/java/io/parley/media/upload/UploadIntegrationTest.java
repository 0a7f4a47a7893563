package io.parley.media.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.media.support.Files;
import io.parley.media.support.MediaServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Presigned uploads against a store that checks signatures: only what was declared can be stored and completed. */
class UploadIntegrationTest extends MediaServiceIntegrationTest {

    /** What the store answers a PUT it refuses (or -1: it broke the connection). */
    private static final Object[] REFUSED = {-1, 400, 403};

    @Test
    void aDeclaredFileUploadsCompletesAndDownloadsWithTheSameBytes() {
        UUID alice = UUID.randomUUID();
        String chat = CHATS.chatOf(alice, UUID.randomUUID());
        byte[] png = Files.png(70_000);
        Map<String, Object> offer = offer(alice, chat, "image/png", png);
        @SuppressWarnings("unchecked")
        Map<String, Object> upload = (Map<String, Object>) offer.get("upload");

        assertThat(upload.get("method")).isEqualTo("PUT");
        assertThat((String) upload.get("url")).contains("X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost");
        assertThat(put(upload, png).statusCode()).isEqualTo(200);
        complete(alice, offer.get("media_id")).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("READY").jsonPath("$.size").isEqualTo(png.length);
        HttpResponse<byte[]> fetched = fetch(downloadUrl(alice, offer.get("media_id")));

        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(sha256(fetched.body())).isEqualTo(sha256(png));
    }

    @Test
    void theStoreRefusesAPutWithOtherBytesOrTypeThanDeclaredOrATamperedSignature() {
        UUID alice = UUID.randomUUID();
        String chat = CHATS.chatOf(alice);
        byte[] png = Files.png(10_000);
        Map<String, Object> offer = offer(alice, chat, "image/png", png);
        @SuppressWarnings("unchecked")
        Map<String, Object> upload = (Map<String, Object>) offer.get("upload");
        String url = (String) upload.get("url");
        String signature = url.substring(url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length());
        String tampered = url.replace(signature, (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1));

        // one byte more than declared
        assertThat(statusOrBroken(upload, Files.png(10_001), Map.of())).isIn(REFUSED);
        // one byte less
        assertThat(statusOrBroken(upload, Files.truncated(png, 9_999), Map.of())).isIn(REFUSED);
        // the declared size, another content type
        assertThat(statusOrBroken(upload, png, Map.of("content-type", "image/jpeg"))).isIn(REFUSED);
        // the declared bytes and type, a signature changed in one digit
        assertThat(statusOrBroken(Map.of("url", tampered, "headers", upload.get("headers")), png, Map.of())).isIn(REFUSED);
        assertThat(S3.client().listObjectsV2(request -> request.bucket(BUCKET).prefix("media/" + offer.get("media_id")))
                .contents()).as("nothing stored by the refused PUTs").isEmpty();
        // the declared bytes and type, untouched: accepted
        assertThat(put(upload, png).statusCode()).isEqualTo(200);
    }

    @Test
    void completeRefusesAMissingOrShortObject() {
        UUID alice = UUID.randomUUID();
        byte[] png = Files.png(20_000);
        Object mediaId = offer(alice, CHATS.chatOf(alice), "image/png", png).get("media_id");

        complete(alice, mediaId).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_REQUEST").jsonPath("$.media_state").isEqualTo("not_uploaded");

        // written around the presigned URL, as a store holding a partial object would have it
        S3.client().putObject(request -> request.bucket(BUCKET).key("media/" + mediaId).contentType("image/png"),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(Files.truncated(png, 5_000)));
        complete(alice, mediaId).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_REQUEST").jsonPath("$.media_state").isEqualTo("not_uploaded")
                .jsonPath("$.detail").isEqualTo("the upload is incomplete: 5000 of 20000 bytes");
    }

    @Test
    void aZipDeclaredAsPngIsRefusedAtCompleteAndDeleted() {
        UUID alice = UUID.randomUUID();
        byte[] zip = Files.zip(30_000);
        Map<String, Object> offer = offer(alice, CHATS.chatOf(alice), "image/png", zip);
        @SuppressWarnings("unchecked")
        Map<String, Object> upload = (Map<String, Object>) offer.get("upload");
        assertThat(put(upload, zip).statusCode()).isEqualTo(200);

        complete(alice, offer.get("media_id")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("BAD_CONTENT_TYPE")
                .jsonPath("$.type").isEqualTo("urn:parley:problem:bad-content-type")
                .jsonPath("$.media_state").isEqualTo("rejected");
        assertThat(S3.client().listObjectsV2(request -> request.bucket(BUCKET).prefix("media/" + offer.get("media_id")))
                .contents()).isEmpty();
        download(alice, offer.get("media_id")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_REQUEST").jsonPath("$.media_state").isEqualTo("rejected");
        complete(alice, offer.get("media_id")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.media_state").isEqualTo("rejected");
    }

    @Test
    void aFileWhoseSha256IsNotTheDeclaredOneIsRefused() {
        UUID alice = UUID.randomUUID();
        byte[] png = Files.png(12_000);
        Map<String, Object> body = Map.of("chat_id", CHATS.chatOf(alice), "content_type", "image/png", "size", png.length,
                "sha256", sha256(Files.png(12_001)));
        Map<String, Object> offer = web.post().uri("/v1/media/uploads").header(HttpHeaders.AUTHORIZATION, bearer(alice))
                .bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> upload = (Map<String, Object>) offer.get("upload");
        assertThat(put(upload, png).statusCode()).isEqualTo(200);

        complete(alice, offer.get("media_id")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_REQUEST").jsonPath("$.media_state").isEqualTo("rejected");
    }

    @Test
    void limitsAreProblemDocuments() {
        UUID alice = UUID.randomUUID();
        String chat = CHATS.chatOf(alice);

        requestUpload(alice, chat, "image/png", 100L * 1024 * 1024 + 1, null).expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("BODY_TOO_LARGE").jsonPath("$.max_bytes").isEqualTo("104857600");
        requestUpload(alice, chat, "application/x-msdownload", 1000, null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("BAD_CONTENT_TYPE");
        requestUpload(alice, chat, "image/png", 0, null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST").jsonPath("$.errors[0].field").isEqualTo("size");
        requestUpload(alice, CHATS.chatOf(UUID.randomUUID()), "image/png", 1000, null).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_A_MEMBER");
        web.post().uri("/v1/media/uploads").bodyValue(Map.of()).exchange().expectStatus().isUnauthorized();
        complete(alice, "not-a-uuid").expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("MALFORMED_ID");
    }

    @Test
    void theDailyQuotaCountsDeclaredBytes() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        String chat = CHATS.chatOf(alice, bob);
        long hundredMb = 100L * 1024 * 1024;

        requestUpload(alice, chat, "video/mp4", hundredMb, null).expectStatus().isCreated();
        requestUpload(alice, chat, "video/mp4", hundredMb, null).expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED");
        // per user
        requestUpload(bob, chat, "video/mp4", hundredMb, null).expectStatus().isCreated();
    }
}
