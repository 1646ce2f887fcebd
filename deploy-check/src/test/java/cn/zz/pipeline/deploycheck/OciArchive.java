package cn.zz.pipeline.deploycheck;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unpacked OCI image layout (image-spec 1.1) as deploy/images/oci-archive.sh writes it, read the way a runtime
 * does: index.json, then the image manifest and the config by their digests. The JSON is read into records of the
 * spec's fields with unknown fields refused, so a misspelt key fails; every blob's digest and size is checked.
 */
record OciArchive(Path dir, Index index, Manifest manifest, JsonNode config) {

    static final String INDEX = "application/vnd.oci.image.index.v1+json";
    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    record Layout(String imageLayoutVersion) {
    }

    record Descriptor(String mediaType, String digest, long size, Map<String, String> annotations) {
    }

    record Index(int schemaVersion, String mediaType, List<Descriptor> manifests) {
    }

    record Manifest(int schemaVersion, String mediaType, Descriptor config, List<Descriptor> layers) {
    }

    /** The Docker manifest.json kept beside the layout, for `docker load` before Docker 25. */
    record DockerImage(String Config, List<String> RepoTags, List<String> Layers) {
    }

    static OciArchive read(Path dir) throws IOException {
        assertThat(STRICT.readValue(dir.resolve("oci-layout").toFile(), Layout.class).imageLayoutVersion())
                .isEqualTo("1.0.0");
        Index index = STRICT.readValue(dir.resolve("index.json").toFile(), Index.class);
        assertThat(index.schemaVersion()).isEqualTo(2);
        assertThat(index.mediaType()).isEqualTo(INDEX);
        assertThat(index.manifests()).hasSize(1);
        Descriptor manifestRef = index.manifests().get(0);
        assertThat(manifestRef.mediaType()).isEqualTo(MANIFEST);
        Manifest manifest = STRICT.readValue(blob(dir, manifestRef).toFile(), Manifest.class);
        assertThat(manifest.schemaVersion()).isEqualTo(2);
        assertThat(manifest.mediaType()).isEqualTo(MANIFEST);
        assertThat(manifest.config().mediaType()).isEqualTo(CONFIG);
        JsonNode config = STRICT.readTree(blob(dir, manifest.config()).toFile());
        return new OciArchive(dir, index, manifest, config);
    }

    /** The blob a descriptor names, after checking that its content has that digest and that size. */
    static Path blob(Path dir, Descriptor descriptor) throws IOException {
        assertThat(descriptor.digest()).matches("sha256:[0-9a-f]{64}");
        String hex = descriptor.digest().substring("sha256:".length());
        Path blob = dir.resolve("blobs/sha256/" + hex);
        assertThat(blob).as("blob of %s", descriptor).exists();
        assertThat(Files.size(blob)).as("size of %s", descriptor).isEqualTo(descriptor.size());
        try (InputStream in = Files.newInputStream(blob)) {
            assertThat(sha256(in)).as("content of %s", descriptor).isEqualTo(hex);
        }
        return blob;
    }

    /** The reference the index gives, as containerd and Docker read it. */
    String imageName() {
        return index.manifests().get(0).annotations().get("io.containerd.image.name");
    }

    String tag() {
        return index.manifests().get(0).annotations().get("org.opencontainers.image.ref.name");
    }

    /** The layers' blobs in order, each checked against its descriptor and, uncompressed, against the config's diff_id. */
    List<Path> layers() throws IOException {
        JsonNode diffIds = config.at("/rootfs/diff_ids");
        assertThat(diffIds.size()).as("diff_ids against layers").isEqualTo(manifest.layers().size());
        List<Path> blobs = new ArrayList<>();
        for (int i = 0; i < manifest.layers().size(); i++) {
            Descriptor layer = manifest.layers().get(i);
            assertThat(layer.mediaType()).isEqualTo(LAYER_GZIP);
            Path blob = blob(dir, layer);
            try (InputStream in = new GZIPInputStream(Files.newInputStream(blob))) {
                assertThat("sha256:" + sha256(in)).as("diff_id of layer %d", i).isEqualTo(diffIds.get(i).asText());
            }
            blobs.add(blob);
        }
        return blobs;
    }

    DockerImage dockerImage() throws IOException {
        DockerImage[] images = STRICT.readValue(dir.resolve("manifest.json").toFile(), DockerImage[].class);
        assertThat(images).hasSize(1);
        return images[0];
    }

    static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream d = new DigestInputStream(in, digest)) {
                d.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
