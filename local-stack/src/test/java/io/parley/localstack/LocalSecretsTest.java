package io.parley.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void makesUpA32ByteKeyOnceAndFindsItAgainAfterARestart() throws Exception {
        String first = LocalSecrets.in(dataDir.resolve("secrets")).signingKeysEncryptionKey();
        String again = LocalSecrets.in(dataDir.resolve("secrets")).signingKeysEncryptionKey();

        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(again).isEqualTo(first);
        Path file = dataDir.resolve("secrets").resolve("signing-keys-encryption-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void anotherDataDirectoryGetsAnotherKey() {
        String one = LocalSecrets.in(dataDir.resolve("one")).signingKeysEncryptionKey();
        String other = LocalSecrets.in(dataDir.resolve("other")).signingKeysEncryptionKey();

        assertThat(other).isNotEqualTo(one);
    }
}
