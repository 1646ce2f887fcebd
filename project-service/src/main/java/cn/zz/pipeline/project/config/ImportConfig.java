package cn.zz.pipeline.project.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits and batching of the Excel ledger import (prefix {@code project.import}). */
@ConfigMapping(prefix = "project.import")
public interface ImportConfig {

    /**
     * Largest upload, bytes (10 MB). Keep it below {@code quarkus.http.limits.max-body-size} (10 MiB by default) with
     * room for the multipart envelope, so that the import, not the HTTP layer, answers an oversized upload.
     */
    @WithDefault("10000000")
    long maxBytes();

    /** Data rows one file may hold. */
    @WithDefault("20000")
    int maxRows();

    /** Rows registered per transaction. */
    @WithDefault("250")
    int chunkSize();

    /** What all entries of the workbook may inflate to, bytes (a zip bomb stops here). */
    @WithDefault("256000000")
    long maxInflatedBytes();
}
