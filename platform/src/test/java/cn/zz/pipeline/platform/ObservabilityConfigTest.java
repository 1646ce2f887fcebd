package cn.zz.pipeline.platform;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's defaults as the services resolve them under a given profile: JSON logs in the container profile
 * (compose and Kubernetes run with {@code prod,container}), plain logs elsewhere; traces never sampled by default.
 */
class ObservabilityConfigTest {

    @Test
    void theContainerProfileTurnsJsonLogsOn() throws IOException {
        assertThat(config("prod", "container").getValue("quarkus.log.console.json.enabled", Boolean.class)).isTrue();
    }

    @Test
    void everyOtherProfileLogsPlainText() throws IOException {
        assertThat(config("prod").getValue("quarkus.log.console.json.enabled", Boolean.class)).isFalse();
        assertThat(config("dev").getValue("quarkus.log.console.json.enabled", Boolean.class)).isFalse();
    }

    @Test
    void tracesAreSampledOnlyWhenAsked() throws IOException {
        SmallRyeConfig prod = config("prod", "container");
        assertThat(prod.getValue("quarkus.otel.traces.sampler", String.class)).isEqualTo("parentbased_traceidratio");
        assertThat(prod.getValue("quarkus.otel.traces.sampler.arg", Double.class)).isZero();
    }

    private static SmallRyeConfig config(String... profiles) throws IOException {
        URL defaults = Path.of("src/main/resources/META-INF/microprofile-config.properties").toUri().toURL();
        return new SmallRyeConfigBuilder().withProfiles(List.of(profiles))
                .withSources(new PropertiesConfigSource(defaults, 100)).build();
    }
}
