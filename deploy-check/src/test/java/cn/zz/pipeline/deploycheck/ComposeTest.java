package cn.zz.pipeline.deploycheck;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * deploy/compose/compose.yaml: valid YAML (duplicate keys refused, merge keys resolved as compose resolves them), only
 * attributes of the Compose specification, every service's environment known to that service's configuration, the
 * images the build names, and every file it mounts present.
 */
class ComposeTest {

    /** Top-level elements of the Compose specification (plus x- extensions). */
    private static final Set<String> TOP = Set.of("name", "services", "volumes", "networks", "configs", "secrets",
            "include", "models");

    /** Service attributes of the Compose specification that a file here may use (a misspelling is not among them). */
    private static final Set<String> SERVICE = Set.of("image", "build", "command", "entrypoint", "environment",
            "env_file", "ports", "expose", "volumes", "depends_on", "deploy", "healthcheck", "restart", "networks",
            "labels", "user", "working_dir", "ulimits", "stop_grace_period", "stop_signal", "logging", "hostname",
            "container_name", "mem_limit", "cpus", "secrets", "configs", "profiles", "extra_hosts", "tmpfs",
            "read_only", "init", "shm_size", "scale", "pull_policy");

    private static final List<String> SERVICES = KubernetesManifestsTest.SERVICES;

    @SuppressWarnings("unchecked")
    static Map<String, Object> compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return (Map<String, Object>) new Yaml(new SafeConstructor(options)).load(text);
    }

    @SuppressWarnings("unchecked")
    static List<String> problems(Map<String, Object> compose) {
        List<String> problems = new ArrayList<>();
        compose.keySet().stream().filter(k -> !k.startsWith("x-") && !TOP.contains(k))
                .forEach(k -> problems.add("unknown top-level element " + k));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        services.forEach((name, service) -> {
            service.keySet().stream().filter(k -> !SERVICE.contains(k))
                    .forEach(k -> problems.add(name + ": unknown attribute " + k));
            if (!service.containsKey("image")) {
                problems.add(name + ": no image");
            }
            if (SERVICES.contains(name)) {
                Map<String, Object> env = (Map<String, Object>) service.getOrDefault("environment", Map.of());
                ConfigKeys.of(name).unknown(env.keySet())
                        .forEach(k -> problems.add(name + ": environment " + k + " is read by nobody"));
            }
        });
        return problems;
    }

    @Test
    void composeIsValidAndSetsOnlyWhatTheServicesRead() {
        Map<String, Object> compose = compose(Repo.read("deploy/compose/compose.yaml"));
        assertThat(problems(compose)).isEmpty();
        assertThat(services(compose).keySet()).containsAll(SERVICES)
                .contains("postgres", "kafka-1", "kafka-2", "kafka-3", "keycloak", "objectstore");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServicesRunTheBuiltImagesInReplicasAgainstTheProductionRealm() {
        Map<String, Map<String, Object>> services = services(compose(Repo.read("deploy/compose/compose.yaml")));
        for (String name : SERVICES) {
            Map<String, Object> service = services.get(name);
            String built = KubernetesManifestsTest.deployment(name).at("/spec/template/spec/containers/0/image").asText();
            assertThat(service.get("image")).as("image of %s", name).isEqualTo(built);
            assertThat(((Map<String, Object>) service.get("deploy")).get("replicas")).isEqualTo(2);
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            assertThat(env).containsKeys("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_PASSWORD",
                    "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_OIDC_AUTH_SERVER_URL");
            assertThat(env.get("QUARKUS_PROFILE")).as("%s logs JSON in the container profile", name)
                    .isEqualTo("prod,container");
        }
        List<String> mounts = (List<String>) services.get("keycloak").get("volumes");
        assertThat(mounts).anyMatch(m -> m.startsWith("../keycloak/pipeline-realm-production.json:"));
        for (Map<String, Object> service : services.values()) {
            for (Object mount : (List<Object>) service.getOrDefault("volumes", List.of())) {
                String source = mount.toString().split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(Files.exists(Repo.path("deploy/compose").resolve(source).normalize()))
                            .as("mounted %s exists", source).isTrue();
                }
            }
        }
    }

    @Test
    void aMisspeltAttributeOrAnUnreadVariableFails() {
        String text = Repo.read("deploy/compose/compose.yaml");
        assertThat(problems(compose(text.replace("    healthcheck:", "    healthchek:"))))
                .containsExactly("postgres: unknown attribute healthchek");
        assertThat(problems(compose(text.replace("      QUARKUS_DATASOURCE_JDBC_URL: jdbc:postgresql://postgres:5432/approval",
                "      QUARKUS_DATASOURCE_JDBC_ULR: jdbc:postgresql://postgres:5432/approval"))))
                .containsExactly("approval-service: environment QUARKUS_DATASOURCE_JDBC_ULR is read by nobody");
        assertThatThrownBy(() -> compose(text + "services: {}\n")).hasMessageContaining("duplicate key");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

}
