package io.parley.certificates;

import java.nio.file.Path;
import java.util.Map;

/** One service's PEM files, and the settings that make a service present them (parley.service-identity.*). */
public record ServiceCertificate(String service, Path certificate, Path privateKey, Path trustedCa) {

    public Map<String, String> settings() {
        return Map.of(
                "parley.service-identity.certificate", certificate.toAbsolutePath().toString(),
                "parley.service-identity.private-key", privateKey.toAbsolutePath().toString(),
                "parley.service-identity.trusted-ca", trustedCa.toAbsolutePath().toString());
    }
}
