package io.parley.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.certificates.ServiceCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    @Test
    void makesUpA32ByteKeyOnceAndFindsItAgainAfterARestart() throws Exception {
        String first = LocalSecrets.in(dataDir.resolve("secrets"), CLOCK).signingKeysEncryptionKey();
        String again = LocalSecrets.in(dataDir.resolve("secrets"), CLOCK).signingKeysEncryptionKey();

        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(again).isEqualTo(first);
        Path file = dataDir.resolve("secrets").resolve("signing-keys-encryption-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void anotherDataDirectoryGetsAnotherKey() {
        String one = LocalSecrets.in(dataDir.resolve("one"), CLOCK).signingKeysEncryptionKey();
        String other = LocalSecrets.in(dataDir.resolve("other"), CLOCK).signingKeysEncryptionKey();

        assertThat(other).isNotEqualTo(one);
    }

    @Test
    void everyServiceGetsACertificateOfOneCaKeptAcrossRestarts() throws Exception {
        ServiceCertificate chat = LocalSecrets.in(dataDir.resolve("secrets"), CLOCK).serviceCertificate("chat-service");
        ServiceCertificate gateway = LocalSecrets.in(dataDir.resolve("secrets"), CLOCK).serviceCertificate("gateway-service");

        assertThat(gateway.trustedCa()).isEqualTo(chat.trustedCa());
        assertThat(Files.readString(chat.certificate())).isNotEqualTo(Files.readString(gateway.certificate()));
        String issued = Files.readString(chat.certificate());
        assertThat(Files.readString(LocalSecrets.in(dataDir.resolve("secrets"), CLOCK).serviceCertificate("chat-service")
                .certificate())).as("kept across restarts").isEqualTo(issued);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(chat.privateKey()))).isEqualTo("rw-------");
    }
}
