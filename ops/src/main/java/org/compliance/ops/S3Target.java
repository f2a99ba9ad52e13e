package org.compliance.ops;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

/**
 * The evidence bucket as evidence-service is given it (docs/operations/object-storage.md), read from the same
 * environment variables, so the backup and restore scripts run with the service's settings.
 */
public record S3Target(Optional<URI> endpoint, String region, String bucket, boolean pathStyle,
        Optional<String> accessKeyId, Optional<String> secretAccessKey, String keyPrefix,
        Optional<ObjectLockRetentionMode> retentionMode, int retentionDays) {

    public S3Target {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("EVIDENCE_S3_BUCKET is required");
        }
        if (accessKeyId.isPresent() != secretAccessKey.isPresent()) {
            throw new IllegalArgumentException("EVIDENCE_S3_ACCESS_KEY_ID and EVIDENCE_S3_SECRET_ACCESS_KEY go "
                    + "together: set both, or neither for the SDK's default credentials");
        }
        if (retentionMode.isPresent() && retentionDays < 1) {
            throw new IllegalArgumentException("EVIDENCE_S3_RETENTION_DAYS must be at least 1 with a retention mode");
        }
    }

    /**
     * The key prefix has no variable of its own in evidence-service's application.properties: Quarkus reads it as
     * COMPLIANCE_EVIDENCE_S3_KEY_PREFIX; EVIDENCE_S3_KEY_PREFIX is taken too, like its neighbours.
     */
    public static S3Target fromEnvironment(Map<String, String> env) {
        return new S3Target(
                value(env, "EVIDENCE_S3_ENDPOINT").map(URI::create),
                value(env, "EVIDENCE_S3_REGION").orElse("us-east-1"),
                value(env, "EVIDENCE_S3_BUCKET").orElse(null),
                value(env, "EVIDENCE_S3_PATH_STYLE").map(Boolean::parseBoolean).orElse(false),
                value(env, "EVIDENCE_S3_ACCESS_KEY_ID"),
                value(env, "EVIDENCE_S3_SECRET_ACCESS_KEY"),
                value(env, "EVIDENCE_S3_KEY_PREFIX").or(() -> value(env, "COMPLIANCE_EVIDENCE_S3_KEY_PREFIX")).orElse(""),
                value(env, "EVIDENCE_S3_RETENTION_MODE").map(S3Target::mode),
                value(env, "EVIDENCE_S3_RETENTION_DAYS").map(Integer::parseInt).orElse(0));
    }

    /** A synchronous client on Apache HttpClient, as evidence-service's BlobStores builds it. */
    public S3Client client() {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .region(Region.of(region))
                .forcePathStyle(pathStyle)
                .credentialsProvider(credentials());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public String describe() {
        return "s3://" + bucket + "/" + keyPrefix + endpoint.map(e -> " at " + e).orElse("");
    }

    private AwsCredentialsProvider credentials() {
        return accessKeyId.isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId.get(), secretAccessKey.get()))
                : DefaultCredentialsProvider.builder().build();
    }

    private static ObjectLockRetentionMode mode(String name) {
        ObjectLockRetentionMode mode = ObjectLockRetentionMode.fromValue(name.trim().toUpperCase());
        if (mode == ObjectLockRetentionMode.UNKNOWN_TO_SDK_VERSION) {
            throw new IllegalArgumentException("EVIDENCE_S3_RETENTION_MODE must be GOVERNANCE or COMPLIANCE: " + name);
        }
        return mode;
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }
}
