package io.parley.auth.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

class TokenVerificationAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TokenVerificationAutoConfiguration.class));

    @Test
    void providesAJwksDecoderAndThePrincipalConverter() {
        context.withPropertyValues("parley.auth.jwks-uri=http://user-service:8081/v1/.well-known/jwks.json",
                        "parley.auth.issuer=https://parley.test/user-service")
                .run(started -> {
                    assertThat(started).hasSingleBean(ReactiveJwtDecoder.class)
                            .hasSingleBean(ParleyJwtAuthenticationConverter.class);
                    assertThat(started.getBean(TokenVerificationProperties.class).audience()).isEqualTo("parley");
                    assertThat(started.getBean(TokenVerificationProperties.class).jwksCoolDown()).isEqualTo(Duration.ofSeconds(30));
                });
    }

    @Test
    void refusesToStartWithoutAJwksCoolDown() {
        context.withPropertyValues("parley.auth.jwks-uri=http://user-service:8081/v1/.well-known/jwks.json",
                        "parley.auth.issuer=https://parley.test/user-service", "parley.auth.jwks-cool-down=0s")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .rootCause().isInstanceOf(BindValidationException.class)
                        .hasMessageContaining("jwksCoolDown"));
    }

    @Test
    void refusesToStartWithoutTheJwksUri() {
        context.withPropertyValues("parley.auth.issuer=https://parley.test/user-service")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .rootCause().isInstanceOf(BindValidationException.class)
                        .hasMessageContaining("jwksUri"));
    }

    @Test
    void refusesToStartWithABlankIssuer() {
        context.withPropertyValues("parley.auth.jwks-uri=http://user-service:8081/v1/.well-known/jwks.json",
                        "parley.auth.issuer= ")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .rootCause().isInstanceOf(BindValidationException.class)
                        .hasMessageContaining("issuer"));
    }
}
