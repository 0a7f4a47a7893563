package io.parley.localstack;

import io.parley.certificates.ServiceCertificate;
import io.parley.certificates.ServiceCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Secrets the local stack makes up once per data directory and keeps there (owner-only files), so no
 * secret is committed to the repository and a restart on the same data finds the same secrets.
 */
public final class LocalSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(365);
    private static final Duration CERTIFICATE_RENEWAL = Duration.ofDays(300);

    private final Path directory;
    private final Clock clock;

    private LocalSecrets(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** Secrets kept in {@code directory}, created on first use ({@code clock}: when certificates are due). */
    public static LocalSecrets in(Path directory, Clock clock) {
        return new LocalSecrets(directory, clock);
    }

    /**
     * {@code service}'s certificate for the mutual TLS between services, from a CA made up for this data directory
     * (every service of the stack gets one on first use); issued again when older than {@link #CERTIFICATE_RENEWAL}.
     */
    public synchronized ServiceCertificate serviceCertificate(String service) {
        Path certificates = directory.resolve("service-identity");
        try {
            if (!Files.exists(certificates) || Files.getLastModifiedTime(certificates).toInstant()
                    .isBefore(clock.instant().minus(CERTIFICATE_RENEWAL))) {
                issueCertificates(certificates);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot issue the local service certificates in " + certificates, e);
        }
        ServiceCertificate certificate = new ServiceCertificate(service, certificates.resolve(service + ".crt"),
                certificates.resolve(service + ".key"), certificates.resolve("ca.crt"));
        if (!Files.exists(certificate.certificate())) {
            throw new IllegalStateException("no local certificate for " + service + " in " + certificates);
        }
        return certificate;
    }

    /** Issued beside, then swapped in, so a concurrent launcher never reads a CA that does not match the certificates. */
    private void issueCertificates(Path certificates) throws IOException {
        Files.createDirectories(certificates.getParent());
        Path draft = Files.createTempDirectory(certificates.getParent(), "service-identity");
        ServiceCertificates.builder().validity(CERTIFICATE_VALIDITY).clock(clock)
                .issue(draft, ServiceCertificates.PARLEY_SERVICES);
        Path old = null;
        if (Files.exists(certificates)) {
            old = Files.move(certificates, certificates.resolveSibling("service-identity.old-" + System.nanoTime()));
        }
        try {
            Files.move(draft, certificates, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherLauncherWasFirst) {
            deleteTree(draft);
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    /** The AES-256 key user-service encrypts its token-signing private keys with (32 bytes, base64). */
    public String signingKeysEncryptionKey() {
        return readOrCreate("signing-keys-encryption-key", 32);
    }

    private synchronized String readOrCreate(String name, int bytes) {
        Path file = directory.resolve(name);
        try {
            if (!Files.exists(file)) {
                create(file, bytes);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the local secret " + file, e);
        }
    }

    /** Written beside the file, then moved into place: a reader never sees a half-written secret. */
    private static void create(Path file, int bytes) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        Path draft;
        try {
            draft = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".draft",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            draft = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".draft");
        }
        Files.writeString(draft, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII);
        try {
            Files.move(draft, file);
        } catch (FileAlreadyExistsException anotherLauncherWasFirst) {
            Files.delete(draft);
        }
    }
}
