package cn.zz.pipeline.platform.security;

import io.quarkus.arc.Unremovable;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Hands each identity quarkus-oidc has verified from a bearer token to the {@link TokenIdentityCache}. */
@ApplicationScoped
@Unremovable // found by quarkus-security through Instance<...>, which ArC does not count as a use
public class TokenIdentityRecorder implements SecurityIdentityAugmentor {

    @Inject
    TokenIdentityCache cache;

    @Override
    public int priority() {
        return Integer.MIN_VALUE; // last: the identity as every other augmentor left it
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        cache.remember(identity);
        return Uni.createFrom().item(identity);
    }
}
