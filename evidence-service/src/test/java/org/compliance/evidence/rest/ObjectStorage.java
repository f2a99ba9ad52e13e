package org.compliance.evidence.rest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import org.compliance.testing.LocalS3;

/**
 * The test profile that puts evidence in object storage: S3Mock (test-support's {@link LocalS3}) and a new bucket
 * with Object Lock, a GOVERNANCE retention of one day, path-style addressing as MinIO and Ceph RGW use.
 */
public class ObjectStorage implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Bucket.class));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }

    /** A fresh bucket of the JVM's S3Mock, and the settings that choose it. */
    public static class Bucket implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            LocalS3 s3 = LocalS3.shared();
            return Map.of(
                    "compliance.evidence.blob-store", "s3",
                    "compliance.evidence.s3.endpoint", s3.endpoint().toString(),
                    "compliance.evidence.s3.bucket", s3.newBucket(true),
                    "compliance.evidence.s3.key-prefix", "evidence/",
                    "compliance.evidence.s3.path-style", "true",
                    "compliance.evidence.s3.access-key-id", "test-access-key",
                    "compliance.evidence.s3.secret-access-key", "test-secret-key",
                    "compliance.evidence.s3.retention.mode", "GOVERNANCE",
                    "compliance.evidence.s3.retention.days", "1");
        }

        @Override
        public void stop() {
            // the server is the JVM's; its bucket goes with it
        }
    }
}
