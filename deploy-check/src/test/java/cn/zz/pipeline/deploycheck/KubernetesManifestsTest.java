package cn.zz.pipeline.deploycheck;

import cn.zz.pipeline.events.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** deploy/k8s: every object fits its schema, the generated parts equal the build's, the parts agree with each other. */
class KubernetesManifestsTest {

    static final List<String> SERVICES = List.of("project-service", "approval-service", "reporting-service");

    @Test
    void everyObjectFitsTheSchemaOfItsKind() throws IOException {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path file : files()) {
            for (JsonNode doc : StrictMapper.documents(Files.readString(file))) {
                checked++;
                try {
                    Manifests.check(doc);
                } catch (Exception e) {
                    failures.add(file.getFileName() + ": " + Manifests.nameOf(doc) + ": " + e.getMessage());
                }
            }
        }
        assertThat(failures).isEmpty();
        // 3 × (Service, Deployment), 3 × (HPA, PDB), 2 node pools, Kafka, 4 topics, Cluster, Keycloak, realm import
        assertThat(checked).isEqualTo(22);
    }

    @ParameterizedTest
    @ValueSource(strings = {"project-service", "approval-service", "reporting-service"})
    void theCommittedServiceManifestIsWhatTheBuildGenerates(String service) throws IOException {
        Path generated = Repo.path(service + "/target/kubernetes/kubernetes.yml");
        assertThat(generated).as("%s is generated when %s is packaged (./mvnw verify packages the services before"
                + " this module)", generated, service).exists();
        assertThat(StrictMapper.documents(Repo.read("deploy/k8s/" + service + ".yml")))
                .as("deploy/k8s/%s.yml differs from the build's %s: review the change and copy it", service, generated)
                .isEqualTo(StrictMapper.documents(Files.readString(generated)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"project-service", "approval-service", "reporting-service"})
    void aDeploymentSetsOnlyWhatItsServiceReads(String service) {
        JsonNode container = deployment(service).at("/spec/template/spec/containers/0");
        List<String> env = new ArrayList<>();
        container.path("env").forEach(e -> env.add(e.path("name").asText()));
        assertThat(ConfigKeys.of(service).unknown(env)).as("environment of %s nobody reads", service).isEmpty();
        assertThat(env).contains("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_OIDC_AUTH_SERVER_URL");
        assertThat(env(deployment(service)).get("QUARKUS_PROFILE").path("value").asText())
                .as("%s logs JSON in the container profile", service).isEqualTo("prod,container");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/resources/requests/memory").isMissingNode()).isFalse();
        assertThat(container.at("/resources/limits/memory").isMissingNode()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"project-service", "approval-service", "reporting-service"})
    void eachServiceScalesAndSurvivesADrain(String service) {
        List<JsonNode> docs = StrictMapper.documents(Repo.read("deploy/k8s/autoscaling.yml"));
        JsonNode hpa = find(docs, "HorizontalPodAutoscaler", service);
        JsonNode pdb = find(docs, "PodDisruptionBudget", service);
        JsonNode deployment = deployment(service);
        assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
        assertThat(hpa.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        // An instance beyond the partitions of a topic would consume nothing.
        assertThat(hpa.at("/spec/maxReplicas").asInt()).isLessThanOrEqualTo(topic(Topics.PROJECT_EVENTS)
                .at("/spec/partitions").asInt());
        JsonNode labels = deployment.at("/spec/template/metadata/labels");
        pdb.at("/spec/selector/matchLabels").fields().forEachRemaining(e ->
                assertThat(labels.path(e.getKey()).asText()).as("PDB selector %s", e.getKey())
                        .isEqualTo(e.getValue().asText()));
        assertThat(pdb.at("/spec/minAvailable").asInt()).isGreaterThanOrEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {Topics.PROJECT_EVENTS, Topics.APPROVAL_EVENTS})
    void theEventTopicsSpreadAndSurviveABroker(String name) {
        JsonNode topic = topic(name);
        assertThat(topic.at("/spec/partitions").asInt()).isEqualTo(12);
        assertThat(topic.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(topic.at("/spec/config/min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(topic(Topics.dlq(name)).at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("pipeline");
    }

    @Test
    void theServicesPointAtTheClustersTheManifestsCreate() {
        List<JsonNode> kafka = StrictMapper.documents(Repo.read("deploy/k8s/kafka.yml"));
        JsonNode cluster = find(kafka, "Kafka", "pipeline");
        int brokers = 0;
        for (JsonNode pool : kafka) {
            if (pool.path("kind").asText().equals("KafkaNodePool") && pool.at("/spec/roles").toString().contains("broker")) {
                brokers += pool.at("/spec/replicas").asInt();
            }
        }
        assertThat(brokers).isEqualTo(3);
        assertThat(cluster.at("/spec/kafka/config/min.insync.replicas").asInt()).isEqualTo(2);
        JsonNode db = StrictMapper.documents(Repo.read("deploy/k8s/postgres.yml")).get(0);
        String dbName = db.at("/metadata/name").asText();
        for (String service : SERVICES) {
            Map<String, JsonNode> env = env(deployment(service));
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS").path("value").asText())
                    .isEqualTo(cluster.at("/metadata/name").asText() + "-kafka-bootstrap:9092");
            assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL").path("value").asText())
                    .startsWith("jdbc:postgresql://" + dbName + "-rw:5432/");
            assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD").at("/valueFrom/secretKeyRef/name").asText())
                    .isEqualTo(dbName + "-app");
        }
    }

    @Test
    void keycloakImportsTheProductionRealmVerbatim() throws IOException {
        List<JsonNode> docs = StrictMapper.documents(Repo.read("deploy/k8s/keycloak.yml"));
        JsonNode keycloak = find(docs, "Keycloak", "pipeline-keycloak");
        JsonNode realmImport = find(docs, "KeycloakRealmImport", "pipeline-realm");
        assertThat(realmImport.at("/spec/keycloakCRName").asText()).isEqualTo(keycloak.at("/metadata/name").asText());
        assertThat(realmImport.at("/spec/realm"))
                .isEqualTo(StrictMapper.YAML.readTree(Repo.read("deploy/keycloak/pipeline-realm-production.json")));
        String issuer = keycloak.at("/spec/hostname/hostname").asText() + "/realms/pipeline";
        for (String service : SERVICES) {
            assertThat(env(deployment(service)).get("QUARKUS_OIDC_AUTH_SERVER_URL").path("value").asText())
                    .isEqualTo(issuer);
        }
    }

    /** A misspelt field fails, for every source of schema: fabric8, Strimzi, the operators' JSON Schemas, the realm. */
    @ParameterizedTest
    @CsvSource({
            "project-service.yml, Deployment, /spec/template/spec/containers/0, readinessProbe, readynessProbe",
            "project-service.yml, Deployment, /spec, replicas, replica",
            "project-service.yml, Service, /spec, ports, port",
            "autoscaling.yml, HorizontalPodAutoscaler, /spec, maxReplicas, maxReplica",
            "autoscaling.yml, PodDisruptionBudget, /spec, minAvailable, minAvaliable",
            "kafka.yml, Kafka, /spec/kafka, listeners, listener",
            "kafka.yml, KafkaNodePool, /spec, roles, role",
            "kafka.yml, KafkaTopic, /spec, partitions, partitons",
            "postgres.yml, Cluster, /spec, instances, instance",
            "postgres.yml, Cluster, /spec/bootstrap/initdb, postInitSQL, postInitSql",
            "keycloak.yml, Keycloak, /spec/hostname, hostname, hostnme",
            "keycloak.yml, KeycloakRealmImport, /spec, keycloakCRName, keycloakCrName",
            "keycloak.yml, KeycloakRealmImport, /spec/realm, bruteForceProtected, bruteForceProtection"})
    void aMisspeltFieldFails(String file, String kind, String at, String field, String misspelt) throws IOException {
        JsonNode doc = StrictMapper.documents(Repo.read("deploy/k8s/" + file)).stream()
                .filter(d -> d.path("kind").asText().equals(kind)).findFirst().orElseThrow().deepCopy();
        Manifests.check(doc);
        ObjectNode parent = (ObjectNode) doc.at(at);
        assertThat(parent.has(field)).as("%s has %s at %s", kind, field, at).isTrue();
        parent.set(misspelt, parent.remove(field));
        assertThatThrownBy(() -> Manifests.check(doc)).hasMessageContaining(misspelt);
    }

    @Test
    void aKindWithoutASchemaFails() {
        JsonNode doc = StrictMapper.documents("apiVersion: example.org/v1\nkind: Widget\nmetadata: {name: w}\n").get(0);
        assertThatThrownBy(() -> Manifests.check(doc)).hasMessageContaining("no schema for example.org/v1/Widget");
    }

    static JsonNode deployment(String service) {
        return find(StrictMapper.documents(Repo.read("deploy/k8s/" + service + ".yml")), "Deployment", service);
    }

    static Map<String, JsonNode> env(JsonNode deployment) {
        Map<String, JsonNode> env = new java.util.HashMap<>();
        deployment.at("/spec/template/spec/containers/0/env").forEach(e -> env.put(e.path("name").asText(), e));
        return env;
    }

    private static JsonNode topic(String name) {
        return find(StrictMapper.documents(Repo.read("deploy/k8s/kafka.yml")), "KafkaTopic", name);
    }

    private static JsonNode find(List<JsonNode> docs, String kind, String name) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)
                        && d.at("/metadata/name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(Repo.path("deploy/k8s"))) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
