package cn.zz.pipeline.platform.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Points the OpenID Connect security scheme (quarkus.smallrye-openapi.security-scheme=oidc) at the Keycloak realm the
 * service really verifies tokens against, read when the service starts: quarkus.oidc.auth-server-url differs per
 * environment (local stack, tests on random ports, production), while the document is otherwise built with the jar.
 * Swagger UI reads this discovery URL to log in with the authorization code flow.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class SwaggerLogin implements OASFilter {

    static final String DISCOVERY = "/.well-known/openid-configuration";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null) {
            return;
        }
        String name = ConfigProvider.getConfig().getOptionalValue("quarkus.smallrye-openapi.security-scheme-name",
                String.class).orElse("SecurityScheme");
        SecurityScheme scheme = openAPI.getComponents().getSecuritySchemes().get(name);
        if (scheme == null || scheme.getType() != SecurityScheme.Type.OPENIDCONNECT) {
            return;
        }
        ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                .ifPresent(realm -> scheme.setOpenIdConnectUrl(realm.replaceAll("/+$", "") + DISCOVERY));
    }
}
