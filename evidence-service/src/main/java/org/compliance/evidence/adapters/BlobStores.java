package org.compliance.evidence.adapters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.compliance.evidence.application.BlobStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The blob store the configuration chooses when the service starts: {@code compliance.evidence.blob-store=filesystem}
 * (the default: one machine, files under {@code compliance.evidence.blob-root}) or {@code s3} (object storage that
 * several instances share, {@code compliance.evidence.s3.*}).
 */
@ApplicationScoped
public class BlobStores {

    private S3Client client;

    @Produces
    @ApplicationScoped
    BlobStore blobStore(@ConfigProperty(name = "compliance.evidence.blob-store", defaultValue = "filesystem") String kind,
                        @ConfigProperty(name = "compliance.evidence.blob-root") Path root, S3Settings s3,
                        Clock clock) throws IOException {
        return switch (kind) {
            case "filesystem" -> new FileSystemBlobStore(root);
            case "s3" -> {
                client = client(s3);
                yield new S3BlobStore(client, s3, clock);
            }
            default -> throw new IllegalArgumentException("compliance.evidence.blob-store is '" + kind
                    + "'; it must be filesystem or s3");
        };
    }

    void close(@Disposes BlobStore store) {
        if (client != null) {
            client.close();
        }
    }

    /** A synchronous client on Apache HttpClient, for the endpoint, region and credentials configured. */
    public static S3Client client(S3Settings s3) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                .credentialsProvider(credentials(s3));
        s3.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Settings s3) {
        if (s3.accessKeyId().isPresent() != s3.secretAccessKey().isPresent()) {
            throw new IllegalArgumentException("compliance.evidence.s3.access-key-id and secret-access-key go "
                    + "together: set both, or neither for the SDK's default credentials");
        }
        return s3.accessKeyId().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKeyId().get(),
                        s3.secretAccessKey().get()))
                : DefaultCredentialsProvider.builder().build();
    }
}
