package io.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/** S3Proxy checks signatures for real: presigned URLs work, and tampered or expired ones are refused. */
@Tag("integration")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class S3ExtensionTest {

    @RegisterExtension
    static final S3Extension S3 = new S3Extension();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final byte[] PHOTO = "not really a jpeg".getBytes(StandardCharsets.UTF_8);

    @Test
    void presignedPutUploadsWhatPresignedGetDownloads() throws Exception {
        URL upload = presignPut("media/photo-1.jpg", Duration.ofMinutes(5)).url();

        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(upload.toURI())
                .header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(PHOTO))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        HttpResponse<byte[]> get = get(presignGet("media/photo-1.jpg", Duration.ofMinutes(5)).url().toURI());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(PHOTO);
    }

    @Test
    void presignedUrlWithATamperedSignatureIsForbidden() throws Exception {
        S3.client().putObject(request -> request.bucket(S3.bucket()).key("media/photo-2.jpg"),
                RequestBody.fromBytes(PHOTO));
        String url = presignGet("media/photo-2.jpg", Duration.ofMinutes(5)).url().toString();

        HttpResponse<byte[]> response = get(URI.create(withLastSignatureCharacterChanged(url)));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void presignedUrlPastItsExpiryIsForbidden() throws Exception {
        S3.client().putObject(request -> request.bucket(S3.bucket()).key("media/photo-3.jpg"),
                RequestBody.fromBytes(PHOTO));
        URI url = presignGet("media/photo-3.jpg", Duration.ofSeconds(1)).url().toURI();

        // Signed for one second: it must stop working shortly after, and never come back.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> get(url).statusCode() == 403);
        assertThat(get(url).statusCode()).isEqualTo(403);
    }

    @Test
    void bucketIsNamedAfterTheTestClass() {
        assertThat(S3.bucket()).startsWith("s3extensiontest-").hasSizeLessThanOrEqualTo(63);
        assertThat(S3.client().listBuckets().buckets()).anyMatch(bucket -> bucket.name().equals(S3.bucket()));
    }

    private static PresignedPutObjectRequest presignPut(String key, Duration validity) {
        return S3.presigner().presignPutObject(request -> request
                .signatureDuration(validity)
                .putObjectRequest(put -> put.bucket(S3.bucket()).key(key).contentType("image/jpeg")));
    }

    private static PresignedGetObjectRequest presignGet(String key, Duration validity) {
        return S3.presigner().presignGetObject(request -> request
                .signatureDuration(validity)
                .getObjectRequest(get -> get.bucket(S3.bucket()).key(key)));
    }

    private static HttpResponse<byte[]> get(URI url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String withLastSignatureCharacterChanged(String url) {
        int signatureStart = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        int signatureEnd = url.indexOf('&', signatureStart) < 0 ? url.length() : url.indexOf('&', signatureStart);
        char last = url.charAt(signatureEnd - 1);
        char changed = last == '0' ? '1' : '0';
        return url.substring(0, signatureEnd - 1) + changed + url.substring(signatureEnd);
    }
}
