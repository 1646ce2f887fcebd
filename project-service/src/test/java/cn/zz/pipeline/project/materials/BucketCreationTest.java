package cn.zz.pipeline.project.materials;

import cn.zz.pipeline.testsupport.Concurrently;
import cn.zz.pipeline.testsupport.ObjectStoreResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances starting at once both try to create the bucket: the one that loses the race must start anyway. */
@QuarkusTest
@QuarkusTestResource(ObjectStoreResource.class)
class BucketCreationTest {

    @Inject
    ObjectStore store;

    @Test
    void creatingABucketThatExistsAlreadyIsSuccess() {
        // The service created the test bucket at start-up; a second create is what the slower instance sends.
        assertThat(store.create(ObjectStoreResource.BUCKET)).isFalse();
        assertThat(store.ensureBucket(ObjectStoreResource.BUCKET)).isFalse();
    }

    @Test
    void concurrentStartsCreateTheBucketOnce() throws Exception {
        String bucket = "race-" + UUID.randomUUID();
        // None of them fails; which ones report "created" is the store's business (S3Proxy's file backend may let
        // two creates of one new bucket both succeed), but at least one did, and the bucket is there afterwards.
        List<Boolean> created = Concurrently.run(4, i -> store.ensureBucket(bucket));
        assertThat(created).hasSize(4).contains(true);
        assertThat(store.ensureBucket(bucket)).isFalse();
    }
}
