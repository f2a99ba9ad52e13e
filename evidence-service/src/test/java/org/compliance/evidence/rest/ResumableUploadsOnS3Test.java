package org.compliance.evidence.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.compliance.testing.RealPeers;

/**
 * Resumable uploads in object storage (the {@link ObjectStorage} profile: S3Mock): a multipart upload in whole parts,
 * the part under way kept beside it, so a cut PATCH holds every byte that arrived there too.
 */
@QuarkusTest
@TestProfile(ObjectStorage.class)
@WithTestResource(RealPeers.class)
class ResumableUploadsOnS3Test extends ResumableUploads {
}
