package cn.zz.pipeline.testsupport;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * S3Proxy over a directory of the filesystem: the S3-compatible object store of the tests (in-process, a random port;
 * {@link #main} runs one by hand with this module's classpath). The local stack runs S3Proxy's own main with the
 * same backend (deploy/local/objectstore). Each object is a file under {@code <directory>/<bucket>/<key>}, so a test
 * can look at what the store holds without an S3 client.
 */
public final class ObjectStoreServer {

    public static final String ACCESS_KEY = "pipeline";
    public static final String SECRET_KEY = "pipeline-secret";

    private final S3Proxy proxy;
    private final Path directory;

    private ObjectStoreServer(S3Proxy proxy, Path directory) {
        this.proxy = proxy;
        this.directory = directory;
    }

    /** Starts a store on {@code port} (0: a free one) keeping its objects in {@code directory}. */
    public static ObjectStoreServer start(int port, Path directory) throws Exception {
        Files.createDirectories(directory);
        Properties p = new Properties();
        p.setProperty("jclouds.filesystem.basedir", directory.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem").credentials("identity", "credential")
                .overrides(p).build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        return new ObjectStoreServer(proxy, directory);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    /** Where the objects of {@code bucket} lie, one file per object key. */
    public Path bucketDirectory(String bucket) {
        return directory.resolve(bucket);
    }

    public void stop() throws Exception {
        proxy.stop();
    }

    /** A store by hand: {@code ObjectStoreServer <port> <directory>}, until the process is ended. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ObjectStoreServer <port> <directory>");
            System.exit(2);
        }
        ObjectStoreServer server = start(Integer.parseInt(args[0]), Path.of(args[1]));
        System.out.println("object store (S3Proxy) listening on " + server.endpoint() + ", objects in " + args[1]);
        Thread.currentThread().join();
    }
}
