package cn.zz.pipeline.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak for tests: the Maven distribution unpacked once into the temp folder, started in dev mode with an
 * in-memory database and the project's realm imported, on a free port. Set {@code PIPELINE_KEYCLOAK_URL} to use a
 * Keycloak that already runs with the realm instead.
 */
public final class KeycloakServer {

    private static String url;
    private static Process process;

    private KeycloakServer() {
    }

    /** Base URL such as http://localhost:40123 (no trailing slash). */
    public static synchronized String url() {
        if (url != null) {
            return url;
        }
        String external = System.getenv("PIPELINE_KEYCLOAK_URL");
        if (external != null && !external.isBlank() && realmAnswers(external)) {
            url = external.replaceAll("/$", "");
            return url;
        }
        url = start();
        return url;
    }

    public static String realmUrl() {
        return url() + "/realms/pipeline";
    }

    private static String start() {
        Path home = unpack();
        int port = freePort();
        Path log = home.resolve("test-keycloak-" + port + ".log");
        // A fixed front-end URL: every token's issuer is http://localhost:<port>/realms/pipeline, whichever address
        // the client used (127.0.0.1 too); the back channel (token, keys) still answers on any address.
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--db=dev-mem", "--import-realm", "--cache=local",
                "--http-management-port=" + freePort(),
                "--hostname=http://localhost:" + port, "--hostname-backchannel-dynamic=true"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        pb.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JAVA_OPTS_APPEND", "-Xms64m -Xmx512m");
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(KeycloakServer::stop));
        String base = "http://localhost:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited early; see " + log);
            }
            if (realmAnswers(base)) {
                return base;
            }
            sleep(500);
        }
        stop();
        throw new IllegalStateException("Keycloak did not become ready within 180 s; see " + log);
    }

    /** Stops the process and its children (kc.sh leaves java as a child). */
    public static synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
        process = null;
    }

    private static boolean realmAnswers(String base) {
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(base.replaceAll("/$", "") + "/realms/pipeline/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Unpacks the distribution from the local Maven repository once, guarded by a file lock across JVMs. */
    private static Path unpack() {
        String version = supportProperty("keycloak.version");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path home = tmp.resolve("pipeline-test-keycloak-" + version);
        Path marker = home.resolve(".unpacked");
        try (FileChannel ch = FileChannel.open(tmp.resolve("pipeline-test-keycloak.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
            if (!Files.exists(marker)) {
                Path archive = localRepository().resolve("org/keycloak/keycloak-quarkus-dist/" + version
                        + "/keycloak-quarkus-dist-" + version + ".tar.gz");
                if (!Files.exists(archive)) {
                    throw new IllegalStateException("Keycloak distribution not found at " + archive
                            + " (the test-support build fetches it)");
                }
                Path staging = Files.createTempDirectory(tmp, "kc-unpack");
                run(List.of("tar", "-xzf", archive.toString(), "-C", staging.toString()));
                Path unpacked = staging.resolve("keycloak-" + version);
                run(List.of("rm", "-rf", home.toString()));
                Files.move(unpacked, home);
                Files.writeString(marker, version);
            }
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            Files.copy(projectRoot().resolve("deploy/keycloak/pipeline-realm.json"),
                    importDir.resolve("pipeline-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare Keycloak", e);
        }
    }

    /** The repository root: set by the build as testsupport.root, else found by walking up to deploy/keycloak. */
    public static Path projectRoot() {
        String root = System.getProperty("testsupport.root");
        if (root != null && Files.exists(Path.of(root, "deploy/keycloak"))) {
            return Path.of(root);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("deploy/keycloak"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the project root (deploy/keycloak)");
        }
        return p;
    }

    private static Path localRepository() {
        String repo = System.getProperty("maven.repo.local");
        return repo != null ? Path.of(repo) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    static String supportProperty(String key) {
        try (InputStream in = KeycloakServer.class.getResourceAsStream("/pipeline-test-support.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("command failed: " + cmd);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
