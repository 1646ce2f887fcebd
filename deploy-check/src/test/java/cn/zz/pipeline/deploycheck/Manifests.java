package cn.zz.pipeline.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.keycloak.representations.idm.RealmRepresentation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks one Kubernetes object against the schema of its kind: fabric8's model for Kubernetes' own kinds, Strimzi's
 * model for Kafka, KafkaNodePool and KafkaTopic (the operator's own classes), JSON Schemas under
 * src/test/resources/schemas for CloudNativePG's Cluster and the Keycloak operator's Keycloak and KeycloakRealmImport
 * (neither operator publishes model classes to Maven Central), and Keycloak's own RealmRepresentation for the realm a
 * KeycloakRealmImport carries. A kind without a schema here fails: nothing is committed unchecked.
 */
final class Manifests {

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("v1/ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class),
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget",
                    io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class));

    private static final Map<String, String> SCHEMAS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "schemas/cnpg-cluster.schema.json",
            "k8s.keycloak.org/v2alpha1/Keycloak", "schemas/keycloak.schema.json",
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", "schemas/keycloak-realm-import.schema.json");

    private Manifests() {
    }

    static String typeOf(JsonNode doc) {
        return doc.path("apiVersion").asText("?") + "/" + doc.path("kind").asText("?");
    }

    static String nameOf(JsonNode doc) {
        return typeOf(doc) + " " + doc.path("metadata").path("name").asText("(no name)");
    }

    /** Throws with the offending path when {@code doc} does not fit the schema of its kind. */
    static void check(JsonNode doc) throws IOException {
        String type = typeOf(doc);
        Class<?> model = MODELS.get(type);
        if (model != null) {
            StrictMapper.bind(doc, model);
            return;
        }
        String schema = SCHEMAS.get(type);
        if (schema == null) {
            throw new IllegalArgumentException("no schema for " + type + ": add its model or schema to deploy-check");
        }
        Set<ValidationMessage> errors = schema(schema).validate(doc);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(nameOf(doc) + ": " + errors.stream().map(ValidationMessage::getMessage)
                    .sorted().collect(Collectors.joining("; ")));
        }
        if (type.endsWith("/KeycloakRealmImport")) {
            StrictMapper.bind(doc.path("spec").path("realm"), RealmRepresentation.class);
        }
    }

    private static JsonSchema schema(String resource) {
        try (InputStream in = Manifests.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
