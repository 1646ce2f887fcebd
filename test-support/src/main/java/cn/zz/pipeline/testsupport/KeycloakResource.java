package cn.zz.pipeline.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points the service's OIDC at a real Keycloak with the pipeline realm (see {@link KeycloakServer}). */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", KeycloakServer.realmUrl());
    }

    @Override
    public void stop() {
        // shared for the JVM; stopped by a shutdown hook
    }
}
