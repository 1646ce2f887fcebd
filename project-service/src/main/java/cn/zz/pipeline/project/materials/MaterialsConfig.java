package cn.zz.pipeline.project.materials;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.Map;

/**
 * 入库资料 (prefix {@code project.materials}): the upload limits, the object store, and the districts that make the
 * required kinds ({@code pipeline.materials.required}) a gate of 入库.
 */
@ConfigMapping(prefix = "project.materials")
public interface MaterialsConfig {

    /**
     * Largest file, bytes (20 MB). {@code quarkus.http.limits.max-body-size} must stay above it plus the multipart
     * envelope, so that this service, not the HTTP layer, answers an oversized upload.
     */
    @WithDefault("20000000")
    @Min(1)
    long maxBytes();

    /** A file name is cut to this many characters (its extension kept). */
    @WithDefault("100")
    @Min(16)
    @Max(255)
    int maxNameLength();

    /** Zip entries an OFD, DOCX or XLSX may hold; more and it is refused as an unsupported file. */
    @WithDefault("10000")
    int maxZipEntries();

    Gate gate();

    Store store();

    interface Gate {
        /** District code → true when moving to 入库 needs every required kind, e.g. {@code ."410106"=true}. */
        Map<String, Boolean> districts();
    }

    /** An S3-compatible store (S3Proxy locally and in tests, MinIO or a cloud store by configuration). */
    interface Store {
        @WithDefault("http://localhost:9000")
        String endpoint();

        @WithDefault("us-east-1")
        String region();

        @WithDefault("pipeline-materials")
        String bucket();

        @WithDefault("pipeline")
        String accessKey();

        @WithDefault("pipeline-secret")
        String secretKey();

        /** Path-style URLs (http://host/bucket/key), which S3Proxy and MinIO expect. */
        @WithDefault("true")
        boolean pathStyle();

        /** Creates the bucket at start-up when it is missing. */
        @WithDefault("true")
        boolean createBucket();
    }
}
