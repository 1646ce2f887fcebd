package cn.zz.pipeline.platform.security;

import cn.zz.pipeline.platform.config.PipelineConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Identities of bearer access tokens this instance has verified, kept by the token's exact text until the token
 * expires or {@code pipeline.token-cache.max-age} has passed, whichever comes first. A token is immutable and signed,
 * so what its verification found holds as long as the token does; the age bound limits how long a token signed by a
 * key the issuer has since withdrawn is still taken. Only identities of the bearer flow are kept, with the OIDC tenant
 * that verified them: a request resolved to another tenant, a changed or foreign token, an expired one, never meets a
 * kept identity and is verified as usual ({@link CachedTokenIdentityProvider}, {@link TokenIdentityRecorder}).
 */
@ApplicationScoped
public class TokenIdentityCache {

    private record Entry(SecurityIdentity identity, String tenant, long validUntilMillis) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final boolean enabled;
    private final int maxEntries;
    private final long maxAgeMillis;
    private final LongSupplier clock;
    private final Counter hits;
    private final Counter misses;

    @Inject
    public TokenIdentityCache(PipelineConfig config, MeterRegistry registry) {
        this(config.tokenCache(), registry, System::currentTimeMillis);
    }

    /** Token expiry is wall-clock time as the issuer wrote it, so this clock is the real one (not {@code Today}). */
    TokenIdentityCache(PipelineConfig.TokenCache config, MeterRegistry registry, LongSupplier clock) {
        this.enabled = config.enabled();
        this.maxEntries = config.maxEntries();
        this.maxAgeMillis = config.maxAge().toMillis();
        this.clock = clock;
        this.hits = Counter.builder("pipeline.security.token.cache").tag("result", "hit")
                .description("bearer tokens taken as verified before").register(registry);
        this.misses = Counter.builder("pipeline.security.token.cache").tag("result", "miss")
                .description("bearer tokens verified with the issuer's keys").register(registry);
    }

    /** The identity kept for this token as verified for {@code tenant}, or null: verify it. */
    SecurityIdentity lookup(String token, String tenant) {
        if (!enabled || token == null || tenant == null) {
            return null;
        }
        Entry e = entries.get(token);
        if (e == null || !e.tenant().equals(tenant)) {
            misses.increment();
            return null;
        }
        if (clock.getAsLong() >= e.validUntilMillis()) {
            entries.remove(token, e);
            misses.increment();
            return null;
        }
        hits.increment();
        return e.identity();
    }

    /** Keeps an identity the OIDC bearer flow has just verified; anything else is passed over. */
    void remember(SecurityIdentity identity) {
        if (!enabled || identity.isAnonymous() || identity.getCredential(IdTokenCredential.class) != null) {
            return; // the code flow (a session cookie) has its own checks
        }
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        Object tenant = identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE);
        Object exp = identity.getAttribute(OidcUtils.QUARKUS_IDENTITY_EXPIRE_TIME); // the token's exp, seconds
        if (token == null || token.getToken() == null || !(tenant instanceof String t) || !(exp instanceof Long seconds)
                || entries.containsKey(token.getToken())) {
            return;
        }
        long validUntil = Math.min(seconds * 1000, clock.getAsLong() + maxAgeMillis);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(token.getToken(), new Entry(identity, t, validUntil));
    }

    int size() {
        return entries.size();
    }
}
