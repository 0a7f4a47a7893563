package io.parley.infra.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class S3CredentialsTest {

    @Test
    void randomCredentialsAreShapedLikeAwsKeysAndDiffer() {
        S3Credentials credentials = S3Credentials.random();

        assertThat(credentials.accessKey()).hasSize(20).matches("[A-Z0-9]+");
        assertThat(credentials.secretKey()).hasSize(40);
        assertThat(S3Credentials.random()).isNotEqualTo(credentials);
    }

    @Test
    void secretNeverAppearsInToString() {
        S3Credentials credentials = S3Credentials.random();

        assertThat(credentials.toString()).contains(credentials.accessKey()).doesNotContain(credentials.secretKey());
    }

    @Test
    void s3proxyChecksSignaturesAgainstTheCredentials() {
        S3Credentials credentials = new S3Credentials("AKPLEXAMPLE", "secret");

        assertThat(new S3ProxyProperties(18080, credentials, Path.of("/infra/s3/blobs")).properties())
                .containsEntry("s3proxy.endpoint", "http://127.0.0.1:18080")
                .containsEntry("s3proxy.authorization", "aws-v2-or-v4")
                .containsEntry("s3proxy.identity", "AKPLEXAMPLE")
                .containsEntry("s3proxy.credential", "secret")
                .containsEntry("jclouds.provider", "filesystem")
                .containsEntry("jclouds.filesystem.basedir", "/infra/s3/blobs");
    }
}
