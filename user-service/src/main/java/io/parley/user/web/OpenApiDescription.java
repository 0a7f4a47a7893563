package io.parley.user.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description served at {@code /v1/openapi} (JSON) and {@code /v1/openapi.yaml}. */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

    @Bean
    OpenAPI userServiceApi() {
        return new OpenAPI()
                .info(new Info().title("Parley user-service").version("v1").description("""
                        Accounts, login and tokens, devices, connect tickets, profiles, contacts, blocks, privacy settings \
                        and the E2EE public key directory. Errors are RFC 9457 problem+json; see docs/identity.md."""))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
