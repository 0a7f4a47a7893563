package io.parley.certificates;

import java.nio.file.Path;
import java.util.Map;

/** What {@link ServiceCertificates#issue} wrote: the CA every service trusts and each service's own pair. */
public record IssuedCertificates(Path trustedCa, Map<String, ServiceCertificate> byService) {

    public IssuedCertificates {
        byService = Map.copyOf(byService);
    }

    public ServiceCertificate of(String service) {
        ServiceCertificate certificate = byService.get(service);
        if (certificate == null) {
            throw new IllegalArgumentException("no certificate was issued for " + service);
        }
        return certificate;
    }
}
