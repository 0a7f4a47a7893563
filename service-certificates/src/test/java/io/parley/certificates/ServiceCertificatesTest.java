package io.parley.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCertificatesTest {

    @TempDir
    Path directory;

    @Test
    void eachServiceGetsAKeyAndACertificateTheCaSignedThatNamesIt() throws Exception {
        IssuedCertificates issued = ServiceCertificates.builder().validity(Duration.ofDays(2)).issue(directory, List.of("chat-service", "gateway-service"));

        X509Certificate ca = certificate(issued.trustedCa());
        ServiceCertificate chat = issued.of("chat-service");
        X509Certificate certificate = certificate(chat.certificate());
        certificate.verify(ca.getPublicKey());
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=chat-service");
        assertThat(certificate.getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
                .containsExactly((Object) "chat-service", "localhost", "127.0.0.1");
        assertThat(certificate.getExtendedKeyUsage()).containsExactlyInAnyOrder(
                "1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);

        PrivateKey key = privateKey(chat.privateKey());
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signature)).as("the key is the certificate's").isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(chat.privateKey()))).isEqualTo("rw-------");
        assertThat(chat.settings()).containsEntry("parley.service-identity.trusted-ca",
                issued.trustedCa().toAbsolutePath().toString());
    }

    @Test
    void certificatesOfAnotherCaDoNotVerify() throws Exception {
        IssuedCertificates first = ServiceCertificates.builder().validity(Duration.ofDays(1)).issue(directory.resolve("a"), List.of("chat-service"));
        IssuedCertificates second = ServiceCertificates.builder().validity(Duration.ofDays(1)).issue(directory.resolve("b"), List.of("chat-service"));

        X509Certificate foreign = certificate(second.of("chat-service").certificate());
        assertThatThrownBy(() -> foreign.verify(certificate(first.trustedCa()).getPublicKey()))
                .isInstanceOf(java.security.SignatureException.class);
        assertThatThrownBy(() -> first.of("user-service")).hasMessageContaining("user-service");
    }

    private static X509Certificate certificate(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static PrivateKey privateKey(Path file) throws Exception {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n");
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
