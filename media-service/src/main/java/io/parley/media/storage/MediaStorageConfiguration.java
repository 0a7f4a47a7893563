package io.parley.media.storage;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Non-blocking S3 client and the presigner for upload/download URLs, both path-style. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaStorageSettings.class)
class MediaStorageConfiguration {

    @Bean(destroyMethod = "close")
    S3AsyncClient s3Client(MediaStorageSettings settings) {
        return S3AsyncClient.builder()
                .endpointOverride(settings.endpoint())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(true)
                // S3-compatible stores (S3Proxy, MinIO) differ in their support of the SDK's default trailing checksums.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    @Bean(destroyMethod = "close")
    S3Presigner s3Presigner(MediaStorageSettings settings) {
        return S3Presigner.builder()
                .endpointOverride(settings.endpoint())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    @Bean
    MediaBucket mediaBucket(S3AsyncClient s3, MediaStorageSettings settings) {
        MediaBucket bucket = new MediaBucket(s3, settings.bucket());
        if (settings.createBucket()) {
            bucket.createIfMissing().block(); // start-up waits for the bucket
        }
        return bucket;
    }

    @Bean
    MediaObjects mediaObjects(S3AsyncClient s3, S3Presigner presigner, MediaStorageSettings settings) {
        return new MediaObjects(s3, presigner, settings.bucket());
    }

    private static StaticCredentialsProvider credentials(MediaStorageSettings settings) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    }
}
