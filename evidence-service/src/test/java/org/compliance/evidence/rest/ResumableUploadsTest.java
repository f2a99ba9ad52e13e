package org.compliance.evidence.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.compliance.testing.RealPeers;

/** Resumable uploads on the file system store (the default): appended in place to {@code incoming/<uuid>.resumable}. */
@QuarkusTest
@WithTestResource(RealPeers.class)
class ResumableUploadsTest extends ResumableUploads {
}
