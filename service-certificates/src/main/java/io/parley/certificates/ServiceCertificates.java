package io.parley.certificates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private CA and one certificate per service, written as PEM files: {@code ca.crt}, {@code <service>.crt},
 * {@code <service>.key}. A service's certificate names it in its CN (the identity the callee's allow-list
 * checks) and in its subject alternative names together with {@code localhost} and {@code 127.0.0.1} (what the
 * caller's host name verification checks), and serves for both ends of a connection (server and client auth).
 */
public final class ServiceCertificates {

    /** Every Parley service that speaks gRPC to another one. */
    public static final List<String> PARLEY_SERVICES = List.of("gateway-service", "chat-service", "user-service",
            "presence-service", "group-service", "media-service", "push-service");

    private static final SecureRandom RANDOM = new SecureRandom();

    private ServiceCertificates() {
    }

    /** Certificates valid for a year from now, unless the builder says otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Duration validity = Duration.ofDays(365);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder validity(Duration validity) {
            this.validity = validity;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Writes a new CA and one certificate per service into {@code directory} (created if missing). */
        public IssuedCertificates issue(Path directory, Collection<String> services) {
            return ServiceCertificates.issue(directory, services, validity, clock.instant());
        }
    }

    private static IssuedCertificates issue(Path directory, Collection<String> services, Duration validity, Instant now) {
        try {
            Files.createDirectories(directory);
            KeyPair caKeys = newKeyPair();
            X500Name caName = new X500Name("CN=Parley service CA " + Long.toHexString(RANDOM.nextLong()));
            X509Certificate ca = sign(caKeys.getPrivate(), caName, caName, caKeys, now, validity, builder -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            });
            Path caFile = write(directory.resolve("ca.crt"), pem("CERTIFICATE", ca.getEncoded()));
            Map<String, ServiceCertificate> issued = new LinkedHashMap<>();
            for (String service : services) {
                KeyPair keys = newKeyPair();
                X509Certificate certificate = sign(caKeys.getPrivate(), caName, new X500Name("CN=" + service), keys,
                        now, validity, builder -> {
                            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                                    new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
                            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                                    new GeneralName[] {new GeneralName(GeneralName.dNSName, service),
                                        new GeneralName(GeneralName.dNSName, "localhost"),
                                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
                            builder.addExtension(Extension.authorityKeyIdentifier, false,
                                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca));
                        });
                Path certificateFile = write(directory.resolve(service + ".crt"), pem("CERTIFICATE", certificate.getEncoded()));
                Path keyFile = writePrivate(directory.resolve(service + ".key"), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
                issued.put(service, new ServiceCertificate(service, certificateFile, keyFile, caFile));
            }
            return new IssuedCertificates(caFile, issued);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("could not issue service certificates", e);
        }
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private interface Extensions {
        void addTo(X509v3CertificateBuilder builder) throws CertIOException, GeneralSecurityException;
    }

    private static X509Certificate sign(PrivateKey issuerKey, X500Name issuer, X500Name subject, KeyPair subjectKeys,
            Instant now, Duration validity, Extensions extensions)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).abs(),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject,
                subjectKeys.getPublic());
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(subjectKeys.getPublic()));
        extensions.addTo(builder);
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static Path write(Path file, String content) throws IOException {
        return Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    private static Path writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        return write(file, content);
    }
}
