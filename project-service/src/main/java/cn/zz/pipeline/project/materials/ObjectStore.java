package cn.zz.pipeline.project.materials;

import cn.zz.pipeline.platform.problem.ApiException;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.net.URI;
import java.nio.file.Path;

/**
 * The S3-compatible object store of 入库资料 (AWS SDK v2, path-style, the JDK's HTTP client). The store's own
 * failures become problem documents: 503 while it cannot be reached, 502 when it lost an object a row names.
 */
@ApplicationScoped
public class ObjectStore {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class);

    private final S3Client s3;
    private final String bucket;
    private final boolean createBucket;

    @Inject
    public ObjectStore(MaterialsConfig config) {
        MaterialsConfig.Store c = config.store();
        this.bucket = c.bucket();
        this.createBucket = c.createBucket();
        this.s3 = S3Client.builder()
                .endpointOverride(URI.create(c.endpoint()))
                .region(Region.of(c.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(c.accessKey(),
                        c.secretKey())))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                // plain uploads with a Content-Length: what every S3-compatible store understands
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(c.pathStyle())
                        .chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    void createBucket(@Observes StartupEvent start) {
        if (createBucket) {
            ensureBucket(bucket);
        }
    }

    /** Creates the bucket unless it exists; true when this call created it. */
    boolean ensureBucket(String name) {
        try {
            s3.headBucket(b -> b.bucket(name));
            return false;
        } catch (NoSuchBucketException e) {
            return create(name);
        }
    }

    /**
     * Creates the bucket; one that exists already is success, not a failure: two instances starting at once both
     * see it missing, and the slower one's create is answered BucketAlreadyOwnedByYou (or BucketAlreadyExists).
     */
    boolean create(String name) {
        try {
            s3.createBucket(b -> b.bucket(name));
            LOG.infof("object store: created bucket %s", name);
            return true;
        } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException e) {
            LOG.debugf("object store: bucket %s exists already (%s)", name, e.awsErrorDetails().errorCode());
            return false;
        }
    }

    /** @throws ApiException 503 when the store cannot take it */
    public void put(String key, Path file, String contentType, long size) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).contentLength(size),
                    RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw unavailable(e);
        }
    }

    /**
     * The object's bytes (the caller closes the stream).
     *
     * @throws ApiException 502 when the object is missing, 503 when the store cannot be reached
     */
    public ResponseInputStream<GetObjectResponse> open(String key) {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            LOG.errorf("object store: %s/%s is missing although its row exists", bucket, key);
            throw new ApiException(502, "material-object-missing", "资料文件缺失 Material file missing",
                    "对象存储中找不到该资料的文件，请联系管理员 (the object store has no file for this material)", null);
        } catch (SdkException e) {
            throw unavailable(e);
        }
    }

    /** Best effort: a failure is logged (an orphaned object costs space, never correctness). */
    public boolean delete(String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (SdkException e) {
            LOG.errorf(e, "object store: could not delete %s/%s; delete it by hand", bucket, key);
            return false;
        }
    }

    @PreDestroy
    void close() {
        s3.close();
    }

    private static ApiException unavailable(SdkException e) {
        LOG.errorf(e, "object store unavailable");
        return new ApiException(503, "object-store-unavailable", "对象存储不可用 Object store unavailable",
                "资料文件存储暂时不可用，请稍后重试 (the object store cannot be reached)", null);
    }
}
