package cn.zz.pipeline.platform.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.arc.Unremovable;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Asked before quarkus-oidc's provider: a bearer token verified before (and still valid) gets its identity back without
 * parsing and verifying it again; anything else gets no answer here, and quarkus-oidc verifies it.
 */
@ApplicationScoped
@Unremovable // found by quarkus-security through Instance<...>, which ArC does not count as a use
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    TokenIdentityCache cache;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1; // quarkus-oidc's provider keeps the default: asked after this one
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (rc == null || request.getToken().getClass() != AccessTokenCredential.class) {
            return Uni.createFrom().nullItem();
        }
        SecurityIdentity kept = cache.lookup(request.getToken().getToken(), rc.get(OidcUtils.TENANT_ID_ATTRIBUTE));
        if (kept == null) {
            return Uni.createFrom().nullItem();
        }
        // The same principal, roles and credentials; the attributes of this request, not of the one that verified it.
        String requestContext = AuthenticationRequestContext.class.getName();
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(kept)
                .addAttribute(RoutingContext.class.getName(), rc)
                .addAttribute(requestContext, rc.get(requestContext))
                .build());
    }
}
