package io.parley.push.apns;

import com.eatthepath.pushy.apns.ApnsClient;
import com.eatthepath.pushy.apns.ApnsClientBuilder;
import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Pushy client per APNs environment, sharing the ES256 signing key; Pushy signs the provider token and renews it
 * before APNs would reject it as expired (it is valid for an hour; renewed after 50 minutes). Connections open on
 * the first push.
 */
final class ApnsClients implements AutoCloseable {

    private final ApnsClient production;
    private final ApnsClient sandbox;

    ApnsClients(ApnsSettings settings) {
        ApnsSigningKey key = signingKey(settings);
        this.production = client(settings, settings.productionHost(), key);
        this.sandbox = client(settings, settings.sandboxHost(), key);
    }

    ApnsClient of(boolean sandboxToken) {
        return sandboxToken ? sandbox : production;
    }

    @Override
    public void close() throws InterruptedException, ExecutionException, TimeoutException {
        production.close().get(10, TimeUnit.SECONDS);
        sandbox.close().get(10, TimeUnit.SECONDS);
    }

    private static ApnsSigningKey signingKey(ApnsSettings settings) {
        try {
            return ApnsSigningKey.loadFromInputStream(
                    new ByteArrayInputStream(settings.signingKey().getBytes(StandardCharsets.US_ASCII)),
                    settings.teamId(), settings.keyId());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("parley.push.apns.signing-key is not an EC private key in PKCS#8 PEM (.p8): "
                    + e.getClass().getSimpleName());
        }
    }

    private static ApnsClient client(ApnsSettings settings, String host, ApnsSigningKey key) {
        try {
            ApnsClientBuilder builder = new ApnsClientBuilder()
                    .setApnsServer(host, settings.port())
                    .setSigningKey(key)
                    .setConcurrentConnections(settings.connections());
            if (settings.trustedCertificates() != null) {
                builder.setTrustedServerCertificateChain(settings.trustedCertificates().toFile());
            }
            return builder.build();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("APNs client for " + host + " could not be built (parley.push.apns): " + e.getMessage(), e);
        }
    }
}
