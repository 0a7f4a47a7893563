package io.parley.push.fcm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import tools.jackson.databind.json.JsonMapper;

/** The parts of a Google service account key that FCM's OAuth2 JWT bearer grant needs. */
record ServiceAccount(String projectId, String clientEmail, String privateKeyId, RSAPrivateKey privateKey, URI tokenUri) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record KeyFile(@JsonProperty("project_id") String projectId, @JsonProperty("client_email") String clientEmail,
            @JsonProperty("private_key_id") String privateKeyId, @JsonProperty("private_key") String privateKey,
            @JsonProperty("token_uri") String tokenUri) {
    }

    /** Parses the key JSON; the error names the setting and the missing part, never the key. */
    static ServiceAccount parse(String json, JsonMapper mapper) {
        KeyFile file;
        try {
            file = mapper.readValue(json, KeyFile.class);
        } catch (RuntimeException e) {
            throw invalid("is not JSON");
        }
        require(file.projectId(), "project_id");
        require(file.clientEmail(), "client_email");
        require(file.privateKey(), "private_key");
        require(file.tokenUri(), "token_uri");
        try {
            String base64 = file.privateKey().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            RSAPrivateKey key = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new ServiceAccount(file.projectId(), file.clientEmail(), file.privateKeyId(), key, URI.create(file.tokenUri()));
        } catch (Exception e) {
            throw invalid("has a private_key that is not an RSA key in PKCS#8 PEM");
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid("has no " + field);
        }
    }

    private static IllegalStateException invalid(String what) {
        return new IllegalStateException("parley.push.fcm.service-account " + what
                + " (expected a service account key JSON from the Firebase console)");
    }

    @Override
    public String toString() {
        return "ServiceAccount[" + clientEmail + " of " + projectId + "]";
    }
}
