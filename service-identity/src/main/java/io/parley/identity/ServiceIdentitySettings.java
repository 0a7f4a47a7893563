package io.parley.identity;

import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who this service is, and who may call it.
 *
 * @param certificate PEM file of this service's certificate (CN = the service's name), presented by its gRPC
 *                    server and by every channel it opens
 * @param privateKey  PEM file of the certificate's private key
 * @param trustedCa   PEM file of the CA that issued every service's certificate: the only one trusted, both ways
 * @param callers     gRPC service name ({@code parley.chat.v1.ChatService}) or full method name
 *                    ({@code parley.gateway.v1.Delivery/Deliver}) → the names of the services that may call it;
 *                    a method's entry overrides its service's, and anything not listed answers nobody
 */
@Validated
@ConfigurationProperties("parley.service-identity")
public record ServiceIdentitySettings(
        @NotBlank String certificate,
        @NotBlank String privateKey,
        @NotBlank String trustedCa,
        Map<@NotBlank String, Set<@NotBlank String>> callers) {

    public ServiceIdentitySettings {
        callers = callers == null ? Map.of() : Map.copyOf(callers);
    }
}
