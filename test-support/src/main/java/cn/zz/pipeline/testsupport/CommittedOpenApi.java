package cn.zz.pipeline.testsupport;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The OpenAPI documents committed under docs/api/, so that a reader sees each service's contract without starting
 * anything. A service's test compares what it serves at /q/openapi with its committed document and fails on any
 * drift; run that test with {@code -Dopenapi.write=true} to write the served document in place of the committed one
 * (then review the diff and commit it). One field follows the environment, the OpenID Connect discovery URL of the
 * security scheme (from {@code quarkus.oidc.auth-server-url}): it is compared and committed as the local stack's.
 */
public final class CommittedOpenApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CommittedOpenApi() {
    }

    public static Path file(String service) {
        return KeycloakServer.projectRoot().resolve("docs/api/" + service + ".json");
    }

    /** Fails unless {@code served} (the JSON of /q/openapi) equals the committed document of {@code service}. */
    public static void assertUnchanged(String service, String served) {
        try {
            String canonical = canonical(served);
            Path file = file(service);
            if (Boolean.getBoolean("openapi.write")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, canonical, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError(file + " is missing: run this test with -Dopenapi.write=true and commit it");
            }
            String committed = Files.readString(file, StandardCharsets.UTF_8);
            if (!JSON.readTree(committed).equals(JSON.readTree(canonical))) {
                throw new AssertionError(service + " serves an OpenAPI document that differs from " + file
                        + " (first difference near: " + firstDifference(committed, canonical) + "). If the change is"
                        + " intended, run this test with -Dopenapi.write=true, review the diff and commit it.");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String LOCAL_DISCOVERY = "http://localhost:8180/realms/pipeline/.well-known/openid-configuration";

    private static String canonical(String served) throws IOException {
        JsonNode tree = JSON.readTree(served);
        tree.path("components").path("securitySchemes").forEach(scheme -> {
            if (scheme.has("openIdConnectUrl")) {
                ((ObjectNode) scheme).put("openIdConnectUrl", LOCAL_DISCOVERY);
            }
        });
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(
                new DefaultIndenter("  ", "\n"));
        return JSON.writer(printer).writeValueAsString(tree) + "\n";
    }

    private static String firstDifference(String a, String b) {
        String[] x = a.split("\n");
        String[] y = b.split("\n");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return "line " + (i + 1) + ": committed `" + x[i].strip() + "`, served `" + y[i].strip() + "`";
            }
        }
        return "line " + (Math.min(x.length, y.length) + 1);
    }
}
