package io.parley.testkit;

import io.parley.certificates.IssuedCertificates;
import io.parley.certificates.ServiceCertificate;
import io.parley.certificates.ServiceCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One test CA per JVM and a certificate for every Parley service, issued on first use: what the services under test
 * present to each other, and what test doubles and test clients present to them (see
 * {@link ServiceIdentityCredentials}). Every Spring Boot service started in a test gets its own through
 * {@link TestServiceSettings}.
 */
public final class ServiceIdentities {

    private ServiceIdentities() {
    }

    public static ServiceCertificate of(String service) {
        return Issued.CERTIFICATES.of(service);
    }

    private static final class Issued {
        static final IssuedCertificates CERTIFICATES = issue();

        private static IssuedCertificates issue() {
            try {
                Path directory = Files.createTempDirectory("parley-service-identities");
                directory.toFile().deleteOnExit();
                IssuedCertificates issued = ServiceCertificates.builder().validity(Duration.ofDays(2))
                        .issue(directory, ServiceCertificates.PARLEY_SERVICES);
                issued.trustedCa().toFile().deleteOnExit();
                issued.byService().values().forEach(c -> {
                    c.certificate().toFile().deleteOnExit();
                    c.privateKey().toFile().deleteOnExit();
                });
                return issued;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
