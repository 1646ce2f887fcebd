package cn.zz.pipeline.platform.security;

import cn.zz.pipeline.platform.config.PipelineConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** When a verified bearer token is taken again without verifying it, and when it is verified anew. */
class TokenIdentityCacheTest {

    private static final long EXP_SECONDS = 2_000_000_000L;

    private final AtomicLong now = new AtomicLong(EXP_SECONDS * 1000 - 300_000); // five minutes before expiry
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private TokenIdentityCache cache(boolean enabled, int maxEntries, Duration maxAge) {
        return new TokenIdentityCache(new PipelineConfig.TokenCache() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public int maxEntries() {
                return maxEntries;
            }

            @Override
            public Duration maxAge() {
                return maxAge;
            }
        }, registry, now::get);
    }

    private TokenIdentityCache cache() {
        return cache(true, 100, Duration.ofSeconds(60));
    }

    private static QuarkusSecurityIdentity.Builder bearer(String token, String user) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user)).addRole("staff")
                .addCredential(new AccessTokenCredential(token))
                .addAttribute(OidcUtils.TENANT_ID_ATTRIBUTE, "Default")
                .addAttribute(OidcUtils.QUARKUS_IDENTITY_EXPIRE_TIME, EXP_SECONDS);
    }

    private double counted(String result) {
        return registry.get("pipeline.security.token.cache").tag("result", result).counter().count();
    }

    @Test
    void aVerifiedTokenIsTakenAgainForItsTenantOnly() {
        TokenIdentityCache cache = cache();
        SecurityIdentity a = bearer("token-a", "staff.shangjie").build();
        SecurityIdentity b = bearer("token-b", "staff.xinzheng").build();
        assertThat(cache.lookup("token-a", "Default")).isNull();
        cache.remember(a);
        cache.remember(b);

        assertThat(cache.lookup("token-a", "Default")).isSameAs(a);
        assertThat(cache.lookup("token-b", "Default")).isSameAs(b);
        assertThat(cache.lookup("token-a", "dashboard")).as("another tenant verifies it itself").isNull();
        assertThat(cache.lookup("token-a.", "Default")).as("another text is another token").isNull();
        assertThat(cache.lookup("token-a", null)).isNull();
        assertThat(counted("hit")).isEqualTo(2);
        assertThat(counted("miss")).isEqualTo(3);
    }

    @Test
    void aTokenIsVerifiedAgainWhenItExpiresOrItsMaxAgeHasPassed() {
        TokenIdentityCache cache = cache();
        cache.remember(bearer("token-a", "u").build());
        now.addAndGet(59_999);
        assertThat(cache.lookup("token-a", "Default")).isNotNull();
        now.addAndGet(1);
        assertThat(cache.lookup("token-a", "Default")).as("60 s after it was verified").isNull();
        assertThat(cache.size()).isZero();

        now.set(EXP_SECONDS * 1000 - 1_000);
        cache.remember(bearer("token-b", "u").build());
        now.addAndGet(999);
        assertThat(cache.lookup("token-b", "Default")).isNotNull();
        now.addAndGet(1);
        assertThat(cache.lookup("token-b", "Default")).as("at its exp, although younger than 60 s").isNull();
    }

    @Test
    void onlyBearerIdentitiesWithATenantAndAnExpiryAreKept() {
        TokenIdentityCache cache = cache();
        cache.remember(bearer("code-flow", "u").addCredential(new IdTokenCredential("id-token")).build());
        cache.remember(QuarkusSecurityIdentity.builder().setAnonymous(true)
                .addCredential(new AccessTokenCredential("anonymous")).build());
        cache.remember(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("u"))
                .addCredential(new AccessTokenCredential("no-exp")).addAttribute(OidcUtils.TENANT_ID_ATTRIBUTE, "Default")
                .build());
        cache.remember(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("u"))
                .addAttribute(OidcUtils.TENANT_ID_ATTRIBUTE, "Default")
                .addAttribute(OidcUtils.QUARKUS_IDENTITY_EXPIRE_TIME, EXP_SECONDS).build());
        assertThat(cache.size()).isZero();
    }

    @Test
    void aFullCacheStartsAfreshAndADisabledOneKeepsNothing() {
        TokenIdentityCache cache = cache(true, 2, Duration.ofSeconds(60));
        cache.remember(bearer("t1", "u").build());
        cache.remember(bearer("t2", "u").build());
        cache.remember(bearer("t3", "u").build());
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.lookup("t3", "Default")).isNotNull();

        TokenIdentityCache off = cache(false, 100, Duration.ofSeconds(60));
        off.remember(bearer("t1", "u").build());
        assertThat(off.size()).isZero();
        assertThat(off.lookup("t1", "Default")).isNull();
    }
}
