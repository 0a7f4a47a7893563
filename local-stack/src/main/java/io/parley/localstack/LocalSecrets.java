package io.parley.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets the local stack makes up once per data directory and keeps there (owner-only files), so no
 * secret is committed to the repository and a restart on the same data finds the same secrets.
 */
public final class LocalSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    private LocalSecrets(Path directory) {
        this.directory = directory;
    }

    /** Secrets kept in {@code directory}, created on first use. */
    public static LocalSecrets in(Path directory) {
        return new LocalSecrets(directory);
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
