package cn.zz.pipeline.e2e;

import cn.zz.pipeline.testsupport.KeycloakServer;
import cn.zz.pipeline.testsupport.Tokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private instance of the local stack (deploy/local/stack.sh) on free ports, in its own PIPELINE_HOME, so it
 * runs beside a developer's stack. Components are stopped, killed and started through the same script users run.
 */
final class Stack {

    final Path home;
    final Map<String, String> env = new LinkedHashMap<>();
    final int pgPort;
    final int kafkaPort;
    final int keycloakPort;
    final int projectPort;
    final int approvalPort;
    final int reportingPort;
    private final Path script;

    private static Stack shared;

    /**
     * The one stack of this test JVM: reset and started by the first test class that asks, stopped when the JVM
     * exits, so the end-to-end classes share one start-up.
     */
    static synchronized Stack shared() {
        String attach = System.getProperty("e2e.stack.attach");
        if (shared == null && attach != null && !attach.isBlank()) {
            // A developer's running stack (PIPELINE_HOME given): used as it is, never reset or stopped.
            shared = attached(Path.of(attach));
        }
        if (shared == null) {
            Stack s = new Stack(Path.of(System.getProperty("e2e.stack.home", "target/stack")));
            s.run(120, "reset");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> s.run(300, "down")));
            s.run(900, "up");
            shared = s;
        }
        return shared;
    }

    /**
     * A cluster ({@code stack.sh up --cluster}: three brokers, two instances per service behind HAProxy) in its own
     * home on free ports, without seed data; stopped when the JVM exits.
     */
    static Stack cluster() {
        Stack s = new Stack(Path.of(System.getProperty("e2e.cluster.home", "target/stack-cluster")));
        for (String name : List.of("KAFKA_2_PORT", "KAFKA_2_CONTROLLER_PORT", "KAFKA_3_PORT", "KAFKA_3_CONTROLLER_PORT",
                "PROJECT_1_PORT", "PROJECT_2_PORT", "APPROVAL_1_PORT", "APPROVAL_2_PORT", "REPORTING_1_PORT",
                "REPORTING_2_PORT")) {
            s.env.put("PIPELINE_" + name, Integer.toString(distinctFreePort()));
        }
        s.env.put("PIPELINE_SEEDS", "none");
        // two cores shared by three brokers, six services and Keycloak: starts are slow
        s.env.put("PIPELINE_HEALTH_TIMEOUT", "300");
        s.env.put("PIPELINE_KAFKA_TIMEOUT", "180");
        s.env.put("PIPELINE_KEYCLOAK_TIMEOUT", "300");
        s.run(120, "reset");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> s.run(300, "down")));
        s.run(1800, "up", "--cluster");
        return s;
    }

    /** The port of a cluster instance, e.g. {@code instancePort("project-service-1")}. */
    int instancePort(String instance) {
        String name = instance.replace("-service-", "_").toUpperCase(java.util.Locale.ROOT);
        return Integer.parseInt(env.get("PIPELINE_" + name + "_PORT"));
    }

    Stack(Path home) {
        this(home, Map.of());
    }

    /** A stack on the ports given (by name as in run/ports.env), free ports for the others. */
    private Stack(Path home, Map<String, String> ports) {
        this.home = home;
        this.script = KeycloakServer.projectRoot().resolve("deploy/local/stack.sh");
        pgPort = port(ports, "PG_PORT");
        kafkaPort = port(ports, "KAFKA_PORT");
        keycloakPort = port(ports, "KEYCLOAK_PORT");
        projectPort = port(ports, "PROJECT_PORT");
        approvalPort = port(ports, "APPROVAL_PORT");
        reportingPort = port(ports, "REPORTING_PORT");
        env.put("PIPELINE_HOME", home.toString());
        if (!ports.isEmpty()) {
            return; // an attached stack: stack.sh reads the ports it remembers
        }
        env.put("PIPELINE_PG_PORT", Integer.toString(pgPort));
        env.put("PIPELINE_KAFKA_PORT", Integer.toString(kafkaPort));
        env.put("PIPELINE_KAFKA_CONTROLLER_PORT", Integer.toString(distinctFreePort()));
        env.put("PIPELINE_KEYCLOAK_PORT", Integer.toString(keycloakPort));
        env.put("PIPELINE_KEYCLOAK_MANAGEMENT_PORT", Integer.toString(distinctFreePort()));
        env.put("PIPELINE_OBJECTSTORE_PORT", Integer.toString(distinctFreePort()));
        env.put("PIPELINE_PROJECT_PORT", Integer.toString(projectPort));
        env.put("PIPELINE_APPROVAL_PORT", Integer.toString(approvalPort));
        env.put("PIPELINE_REPORTING_PORT", Integer.toString(reportingPort));
    }

    /** The stack already running in {@code home}, on the ports its run/ports.env remembers. */
    static Stack attached(Path home) {
        Map<String, String> ports = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(home.resolve("run/ports.env"))) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    ports.put(line.substring(0, eq), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("no running stack in " + home + " (run/ports.env): " + e.getMessage());
        }
        return new Stack(home, ports);
    }

    /** Ports handed out by this JVM: a free port may be given again once its probe socket is closed. */
    private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();

    /**
     * A free port not handed out before: a cluster takes some twenty at once, and two of them once came out equal
     * (kafka-2's broker port was kafka-3's controller port, and kafka-3 could not start).
     */
    private static synchronized int distinctFreePort() {
        while (true) {
            int port = KeycloakServer.freePort();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
    }

    private static int port(Map<String, String> ports, String name) {
        String value = ports.get(name);
        return value == null || value.isBlank() ? distinctFreePort() : Integer.parseInt(value);
    }

    String realmUrl() {
        return "http://localhost:" + keycloakPort + "/realms/pipeline";
    }

    /** An Authorization header value for a demo user, with a token from this stack's Keycloak. */
    String bearer(String user) {
        return "Bearer " + Tokens.of(realmUrl(), user);
    }

    String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + pgPort + "/" + database;
    }

    /** Runs stack.sh with the arguments; fails the test with the script's output if it fails. */
    String run(long timeoutSeconds, String... args) {
        return run(Map.of(), timeoutSeconds, args);
    }

    /** As {@link #run(long, String...)}, with variables set for this one run (e.g. another PIPELINE_JAVA). */
    String run(Map<String, String> extraEnv, long timeoutSeconds, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("bash");
        cmd.add(script.toString());
        cmd.addAll(List.of(args));
        try {
            Files.createDirectories(home);
            Path out = Files.createTempFile(home, "stack-", ".out");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().putAll(env);
            pb.environment().putAll(extraEnv);
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("stack.sh " + String.join(" ", args) + " timed out:\n" + Files.readString(out));
            }
            String output = Files.readString(out);
            Files.deleteIfExists(out);
            System.out.println("[e2e] stack.sh " + String.join(" ", args) + "\n" + output);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("stack.sh " + String.join(" ", args) + " failed (" + p.exitValue() + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
