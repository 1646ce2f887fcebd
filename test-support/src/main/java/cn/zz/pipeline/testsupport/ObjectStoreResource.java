package cn.zz.pipeline.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Points project-service's object store ({@code project.materials.store.*}) at an in-process S3Proxy over a temporary
 * directory, started once and shared by the module's tests.
 */
public class ObjectStoreResource implements QuarkusTestResourceLifecycleManager {

    /** The bucket the tests' services use (created by the service at start-up, as in production). */
    public static final String BUCKET = "pipeline-materials-test";

    private static ObjectStoreServer server;

    public static synchronized ObjectStoreServer server() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("s3proxy-");
                server = ObjectStoreServer.start(0, dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.stop();
                    } catch (Exception ignored) {
                        // the JVM is going away
                    }
                    delete(dir);
                }));
            } catch (Exception e) {
                throw new IllegalStateException("in-process S3Proxy did not start", e);
            }
        }
        return server;
    }

    /** The files (objects) the store holds under {@code prefix} of the test bucket, e.g. {@code projects/<id>}. */
    public static long objectsUnder(String prefix) {
        Path dir = server().bucketDirectory(BUCKET).resolve(prefix);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file of one object of the test bucket (a test removes it to play a store that lost it). */
    public static Path objectFile(String key) {
        return server().bucketDirectory(BUCKET).resolve(key);
    }

    @Override
    public Map<String, String> start() {
        return Map.of("project.materials.store.endpoint", server().endpoint(),
                "project.materials.store.bucket", BUCKET,
                "project.materials.store.access-key", ObjectStoreServer.ACCESS_KEY,
                "project.materials.store.secret-key", ObjectStoreServer.SECRET_KEY);
    }

    @Override
    public void stop() {
        // shared for the JVM; stopped by a shutdown hook
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
