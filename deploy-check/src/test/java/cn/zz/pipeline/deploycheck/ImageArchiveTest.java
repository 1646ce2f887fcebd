package cn.zz.pipeline.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The images the build makes with Jib (the root pom's images profile, on whenever tests run; it sets
 * deploycheck.images). Each is an OCI image layout tarball whose every blob matches its digest, that names the image
 * the manifests use, sits on the base image made by deploy/images/base-image.sh, keeps a Docker manifest.json that
 * points at the same blobs, and, unpacked layer by layer and run as its user in a chroot with its own /proc and PID
 * namespace (no container runtime here; that part needs root), boots Quarkus up to its first database connection,
 * which is refused: nothing else is given to it.
 */
@EnabledIfSystemProperty(named = "deploycheck.images", matches = "true")
class ImageArchiveTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"project-service", "approval-service", "reporting-service"})
    void theArchiveIsAnOciLayoutOfTheImageTheManifestsName(String service) throws Exception {
        OciArchive oci = unpack(service);
        JsonNode container = KubernetesManifestsTest.deployment(service).at("/spec/template/spec/containers/0");
        String image = container.path("image").asText();
        assertThat(oci.imageName()).isEqualTo(image);
        assertThat(oci.tag()).isEqualTo(image.substring(image.lastIndexOf(':') + 1));

        JsonNode config = oci.config();
        assertThat(config.path("os").asText()).isEqualTo("linux");
        assertThat(config.path("architecture").asText()).isIn("amd64", "arm64");
        assertThat(config.at("/config/User").asText()).isEqualTo("185");
        assertThat(config.at("/config/WorkingDir").asText()).isEqualTo("/deployments");
        assertThat(config.at("/config/ExposedPorts").has(container.at("/ports/0/containerPort").asInt() + "/tcp")).isTrue();
        assertThat(config.at("/rootfs/type").asText()).isEqualTo("layers");
        assertThat(config.at("/rootfs/diff_ids/0").asText()).isEqualTo(baseLayer());
        List<Path> layers = oci.layers();

        // Nothing in blobs/ that the manifest does not reach.
        List<Path> referenced = new ArrayList<>(layers);
        referenced.add(OciArchive.blob(oci.dir(), oci.index().manifests().get(0)));
        referenced.add(OciArchive.blob(oci.dir(), oci.manifest().config()));
        try (var blobs = Files.list(oci.dir().resolve("blobs/sha256"))) {
            assertThat(blobs).containsExactlyInAnyOrderElementsOf(referenced);
        }

        OciArchive.DockerImage docker = oci.dockerImage();
        assertThat(docker.RepoTags()).containsExactly(image);
        assertThat(oci.dir().resolve(docker.Config()))
                .isEqualTo(OciArchive.blob(oci.dir(), oci.manifest().config()));
        assertThat(docker.Layers().stream().map(oci.dir()::resolve).toList()).isEqualTo(layers);
    }

    @ParameterizedTest
    @ValueSource(strings = {"project-service", "approval-service", "reporting-service"})
    void itsApplicationBootsAsItsUser(String service) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "running the image in a chroot with its own PID namespace needs root");
        OciArchive oci = unpack(service);
        JsonNode config = oci.config();
        Path rootfs = Files.createDirectories(work.resolve("rootfs"));
        for (Path layer : oci.layers()) {
            run(List.of("tar", "xzf", layer.toString(), "-C", rootfs.toString()), 120);
        }
        List<String> command = new ArrayList<>(List.of("unshare", "-mpf", "--mount-proc=" + rootfs.resolve("proc"),
                "/usr/bin/env", "-i"));
        config.at("/config/Env").forEach(e -> command.add(e.asText()));
        command.addAll(List.of("QUARKUS_HTTP_PORT=0", "QUARKUS_OIDC_CONNECTION_DELAY=0S",
                "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:1/none", "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1",
                "PIPELINE_DASHBOARD_SESSION_SECRET=image-check-only-0123456789abcdef0123456789",
                "/usr/sbin/chroot", "--userspec=185:185", rootfs.toString()));
        // The entrypoint as the image states it, its jar given by absolute path (chroot does not change directory).
        config.at("/config/Entrypoint").forEach(a -> command.add(
                a.asText().equals("quarkus-run.jar") ? "/deployments/quarkus-run.jar" : a.asText()));
        String output = run(command, 180);
        assertThat(output).contains("Unable to obtain connection from database")
                .doesNotContain("ClassNotFoundException", "UnsatisfiedLinkError", "error while loading shared libraries");
    }

    private OciArchive unpack(String service) throws IOException {
        Path archive = Repo.path(service + "/target/" + service + "-image.tar");
        assertThat(archive).as("built by ./mvnw package (the images profile)").exists();
        Path dir = Files.createDirectories(work.resolve("image"));
        run(List.of("tar", "xf", archive.toString(), "-C", dir.toString()), 60);
        return OciArchive.read(dir);
    }

    private static String baseLayer() throws IOException {
        Path base = Repo.path("target/images/base-jre.tar");
        assertThat(base).exists();
        String manifest = run(List.of("tar", "xOf", base.toString(), "manifest.json"), 30);
        String configName = JSON.readTree(manifest).get(0).path("Config").asText();
        return JSON.readTree(run(List.of("tar", "xOf", base.toString(), configName), 30)).at("/rootfs/diff_ids/0").asText();
    }

    private static String run(List<String> command, int seconds) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out: " + command);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            p.destroyForcibly();
        }
    }
}
