package org.compliance.evidence.adapters;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

/**
 * Where evidence goes when {@code compliance.evidence.blob-store=s3}: AWS S3, MinIO or Ceph RGW
 * (docs/operations/object-storage.md). Read only when that store is chosen.
 */
@ConfigMapping(prefix = "compliance.evidence.s3")
public interface S3Settings {

    /** The S3 API's address; absent for AWS S3 itself (the region's endpoint), e.g. {@code https://minio.internal:9000}. */
    Optional<URI> endpoint();

    /** The region; MinIO and Ceph RGW accept any name (their default is {@code us-east-1}). */
    @WithDefault("us-east-1")
    String region();

    /** The bucket (required with the S3 store); with Object Lock enabled at its creation for retention and legal holds. */
    Optional<String> bucket();

    /** Keys under this prefix ({@code evidence/} gives {@code evidence/ab/cd/<sha256>}); empty for the bucket's root. */
    @WithName("key-prefix")
    Optional<String> keyPrefix();

    /** {@code https://host/bucket/key} rather than {@code https://bucket.host/key}: MinIO and Ceph RGW usually want it. */
    @WithName("path-style")
    @WithDefault("false")
    boolean pathStyle();

    /**
     * The access key; absent to use the SDK's default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a web identity
     * token in Kubernetes, an instance profile).
     */
    @WithName("access-key-id")
    Optional<String> accessKeyId();

    @WithName("secret-access-key")
    Optional<String> secretAccessKey();

    /**
     * Bytes sent per part of a multipart upload, the one buffer an upload holds in memory (5 MiB at least, S3's
     * smallest part; 10,000 parts at most, so 8 MiB parts carry files up to 78 GiB).
     */
    @WithName("part-size")
    @WithDefault("8388608")
    int partSize();

    /** The retention every evidence object gets (needs a bucket with Object Lock; absent: none). */
    Retention retention();

    interface Retention {
        /** GOVERNANCE (users with s3:BypassGovernanceRetention may shorten or lift it) or COMPLIANCE (nobody can). */
        Optional<ObjectLockRetentionMode> mode();

        /** Days from the upload; an upload of content already stored extends the retention, never shortens it. */
        @WithDefault("0")
        int days();
    }
}
