package io.parley.localstack;

import io.parley.certificates.ServiceCertificate;
import io.parley.infra.LocalInfrastructure;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings a service gets from the local stack, as environment variables (Spring's relaxed
 * binding maps PARLEY_KAFKA_BOOTSTRAP_SERVERS to parley.kafka.bootstrap-servers). Environment,
 * not command-line arguments, so secrets do not show up in a process listing.
 */
public final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    /** Where every service listens unless told otherwise: nothing of a development stack is reachable from outside. */
    public static final String LOOPBACK = "127.0.0.1";

    /**
     * Ports (on {@link #LOOPBACK}), the service's certificate, the infrastructure it needs and the secrets it needs
     * from {@code secrets}.
     */
    public static Map<String, String> of(ServiceDefinition service, LocalInfrastructure infra, LocalSecrets secrets) {
        Map<String, String> env = new HashMap<>(listeningOn(LOOPBACK));
        env.put("PARLEY_PORTS_HTTP", Integer.toString(service.httpPort()));
        env.put("PARLEY_PORTS_GRPC", Integer.toString(service.grpcPort()));
        ServiceCertificate identity = secrets.serviceCertificate(service.name());
        env.put("PARLEY_SERVICE_IDENTITY_CERTIFICATE", identity.certificate().toAbsolutePath().toString());
        env.put("PARLEY_SERVICE_IDENTITY_PRIVATE_KEY", identity.privateKey().toAbsolutePath().toString());
        env.put("PARLEY_SERVICE_IDENTITY_TRUSTED_CA", identity.trustedCa().toAbsolutePath().toString());
        for (ServiceDefinition.Needs need : service.needs()) {
            switch (need) {
                case KAFKA -> env.put("PARLEY_KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers());
                case REDIS -> env.put("PARLEY_REDIS_URL", infra.redis().uri());
                case CASSANDRA -> {
                    InetSocketAddress contact = infra.cassandra().contactPoint();
                    env.put("PARLEY_CASSANDRA_CONTACT_POINTS", contact.getHostString() + ":" + contact.getPort());
                    env.put("PARLEY_CASSANDRA_LOCAL_DATACENTER", infra.cassandra().localDatacenter());
                }
                case S3 -> {
                    env.put("PARLEY_MEDIA_S3_ENDPOINT", infra.s3().endpoint().toString());
                    env.put("PARLEY_MEDIA_S3_REGION", infra.s3().region());
                    env.put("PARLEY_MEDIA_S3_ACCESS_KEY", infra.s3().accessKey());
                    env.put("PARLEY_MEDIA_S3_SECRET_KEY", infra.s3().secretKey());
                }
                case SIGNING_KEYS_ENCRYPTION_KEY ->
                        env.put("PARLEY_USER_SIGNING_KEYS_ENCRYPTION_KEY", secrets.signingKeysEncryptionKey());
            }
        }
        return env;
    }

    /** The address the HTTP and gRPC servers bind to (0.0.0.0: every interface). */
    public static Map<String, String> listeningOn(String address) {
        return Map.of("SERVER_ADDRESS", address, "SPRING_GRPC_SERVER_ADDRESS", address);
    }
}
