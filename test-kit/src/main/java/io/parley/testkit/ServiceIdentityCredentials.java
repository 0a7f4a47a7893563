package io.parley.testkit;

import io.grpc.ChannelCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;
import io.parley.certificates.ServiceCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * gRPC credentials from {@link ServiceIdentities}: a test double serving as {@code service} (its callers must
 * present a certificate of the test CA), or a test client calling as {@code caller} (the service under test checks
 * that name against its allow-list).
 */
public final class ServiceIdentityCredentials {

    private ServiceIdentityCredentials() {
    }

    public static ServerCredentials serving(String service) {
        ServiceCertificate certificate = ServiceIdentities.of(service);
        try {
            return TlsServerCredentials.newBuilder()
                    .keyManager(certificate.certificate().toFile(), certificate.privateKey().toFile())
                    .trustManager(certificate.trustedCa().toFile())
                    .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ChannelCredentials callingAs(String caller) {
        ServiceCertificate certificate = ServiceIdentities.of(caller);
        try {
            return TlsChannelCredentials.newBuilder()
                    .keyManager(certificate.certificate().toFile(), certificate.privateKey().toFile())
                    .trustManager(certificate.trustedCa().toFile()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
