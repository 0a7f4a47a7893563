package io.parley.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.parley.identity.ServiceChannels;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChartSettingsTest {

    private static final Pattern SECRET_LIKE = Pattern.compile(".*(SECRET|PASSWORD|ACCESS_KEY|ENCRYPTION_KEY|PRIVATE_KEY|CREDENTIALS).*");
    private static final Map<ParleyServices, ServiceSettings> SETTINGS = ServiceSettingsCatalog.ALL;

    @ParameterizedTest
    @MethodSource(RenderedRelease.BOTH)
    void everyVariableTheChartSetsIsASettingTheServiceBinds(RenderedRelease release) {
        for (ParleyServices service : ParleyServices.ALL) {
            ServiceSettings settings = SETTINGS.get(service);

            assertThat(release.environmentNames(service))
                    .as("variables %s does not bind (with %s)", service.module(), release)
                    .allMatch(settings::binds);
        }
    }

    @org.junit.jupiter.api.Test
    void aMisspeltSettingGivenThroughValuesIsCaught() {
        RenderedRelease release = new RenderedRelease("a values override", HelmChart.parse(HelmChart.template(List.of(),
                Map.of("services.gateway.settings.PARLEY_GATEWAY_DRAIN_TIMOUT", "5s"))));

        assertThat(release.environmentNames(ParleyServices.GATEWAY)).contains("PARLEY_GATEWAY_DRAIN_TIMOUT")
                .filteredOn(name -> !SETTINGS.get(ParleyServices.GATEWAY).binds(name))
                .containsExactly("PARLEY_GATEWAY_DRAIN_TIMOUT");
    }

    @ParameterizedTest
    @MethodSource(RenderedRelease.BOTH)
    void secretsComeOnlyFromSecretReferences(RenderedRelease release) {
        for (ConfigMap config : release.all(ConfigMap.class)) {
            if (config.getData() != null && !config.getMetadata().getName().endsWith("-dashboard")
                    && ParleyServices.ALL.stream().noneMatch(service -> RenderedRelease.nameOf(service).equals(config.getMetadata().getName()))) {
                assertThat(config.getData().keySet()).as(config.getMetadata().getName()).noneMatch(key -> SECRET_LIKE.matcher(key).matches());
            }
        }
        for (ParleyServices service : ParleyServices.ALL) {
            List<String> secretMounts = secretMountPaths(release, service);
            release.settings(service).forEach((name, value) -> {
                if (SECRET_LIKE.matcher(name).matches()) {
                    assertThat(secretMounts).as("%s=%s: only a file of a mounted Secret", name, value)
                            .anyMatch(mount -> value.startsWith(mount + "/"));
                }
            });
        }
        for (ParleyServices service : ParleyServices.ALL) {
            List<EnvVar> env = Objects.requireNonNullElse(release.container(service).getEnv(), List.of());
            for (EnvVar variable : env) {
                if (SECRET_LIKE.matcher(variable.getName()).matches()) {
                    assertThat(variable.getValue()).as(variable.getName()).isNull();
                    assertThat(variable.getValueFrom().getSecretKeyRef()).as(variable.getName()).isNotNull();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource(RenderedRelease.BOTH)
    void theSecretsEachServiceNeedsAreReferenced(RenderedRelease release) {
        assertThat(secretVariables(release, ParleyServices.USER)).contains("PARLEY_USER_SIGNING_KEYS_ENCRYPTION_KEY");
        assertThat(secretVariables(release, ParleyServices.MEDIA))
                .contains("PARLEY_MEDIA_S3_ACCESS_KEY", "PARLEY_MEDIA_S3_SECRET_KEY");
        // PENDING issue 13: push-service's credentials are mounted as files until it names its settings.
        List<Volume> pushVolumes = release.deployment(ParleyServices.PUSH).getSpec().getTemplate().getSpec().getVolumes();
        assertThat(pushVolumes).anyMatch(volume -> volume.getSecret() != null);
    }

    @ParameterizedTest
    @MethodSource(RenderedRelease.BOTH)
    void servicesFindEachOtherThroughTheChartsServices(RenderedRelease release) {
        Set<String> serviceNames = new TreeSet<>();
        release.all(io.fabric8.kubernetes.api.model.Service.class).forEach(s -> serviceNames.add(s.getMetadata().getName()));
        for (ParleyServices service : ParleyServices.ALL) {
            release.settings(service).forEach((name, value) -> {
                if (name.endsWith("_ADDRESS") || name.endsWith("_JWKS_URI")) {
                    String host = value.replaceFirst("^[a-z]+:///?", "").replaceFirst("[:/].*$", "");
                    assertThat(serviceNames).as(name + "=" + value).contains(host);
                }
            });
        }
    }

    @ParameterizedTest
    @MethodSource(RenderedRelease.BOTH)
    void groupServiceSharesAvatarsThroughMediaServiceAndItsPolicyLetsItIn(RenderedRelease release) {
        String target = "dns:///" + RenderedRelease.nameOf(ParleyServices.MEDIA) + "-grpc:9085";
        assertThat(release.settings(ParleyServices.GROUP)).containsEntry("PARLEY_GROUP_MEDIA_LIBRARY_ADDRESS", target);

        Map<String, String> media = release.deployment(ParleyServices.MEDIA).getSpec().getSelector().getMatchLabels();
        Map<String, String> group = release.deployment(ParleyServices.GROUP).getSpec().getSelector().getMatchLabels();
        assertThat(release.all(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class))
                .filteredOn(policy -> policy.getSpec().getPodSelector().getMatchLabels().equals(media))
                .singleElement()
                .satisfies(policy -> assertThat(policy.getSpec().getIngress()).anyMatch(rule -> rule.getFrom().stream()
                        .anyMatch(peer -> peer.getPodSelector() != null && group.equals(peer.getPodSelector().getMatchLabels()))
                        && rule.getPorts().stream().anyMatch(port -> "grpc".equals(port.getPort().getStrVal()))));
    }

    @ParameterizedTest
    @MethodSource(RenderedRelease.BOTH)
    void callersReachEveryPodOfChatServiceThroughItsHeadlessServiceByDns(RenderedRelease release) {
        String headless = RenderedRelease.nameOf(ParleyServices.CHAT) + "-grpc";
        io.fabric8.kubernetes.api.model.Service pods = release.named(io.fabric8.kubernetes.api.model.Service.class, headless);
        assertThat(pods.getSpec().getClusterIP()).as("headless: DNS answers every pod's address").isEqualTo("None");
        assertThat(pods.getSpec().getSelector()).isEqualTo(release.service(ParleyServices.CHAT).getSpec().getSelector());
        assertThat(pods.getSpec().getPorts()).singleElement().satisfies(port -> assertThat(port.getPort()).isEqualTo(9082));
        String target = "dns:///" + headless + ":9082";

        assertThat(release.settings(ParleyServices.GATEWAY)).containsEntry("PARLEY_GATEWAY_CHAT_SERVICE_ADDRESS", target);
        assertThat(release.settings(ParleyServices.GROUP)).containsEntry("PARLEY_GROUP_CHAT_SERVICE_ADDRESS", target);
        assertThat(release.settings(ParleyServices.MEDIA)).containsEntry("PARLEY_MEDIA_CHAT_MEMBERSHIP_ADDRESS", target);
        assertThat(release.settings(ParleyServices.CHAT)).containsKey("SPRING_GRPC_SERVER_KEEPALIVE_CONNECTION_MAX_AGE");
        assertThat(release.named(HorizontalPodAutoscaler.class, RenderedRelease.nameOf(ParleyServices.CHAT))
                .getSpec().getMinReplicas()).as("two chat-services at least: Send stays up while one restarts")
                .isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource(RenderedRelease.BOTH)
    void everyGrpcAddressIsATargetTheServicesAccept(RenderedRelease release) {
        for (ParleyServices service : ParleyServices.ALL) {
            release.settings(service).forEach((name, value) -> {
                if (name.endsWith("_ADDRESS")) {
                    assertThat(value).as(name).matches(ServiceChannels.TARGET_PATTERN);
                }
            });
        }
    }

    @ParameterizedTest
    @MethodSource(RenderedRelease.BOTH)
    void everyServiceReadsItsCertificateFromItsOwnSecret(RenderedRelease release) {
        for (ParleyServices service : ParleyServices.ALL) {
            List<Volume> volumes = release.deployment(service).getSpec().getTemplate().getSpec().getVolumes();
            assertThat(volumes).as(service.module()).anyMatch(volume -> volume.getSecret() != null
                    && volume.getSecret().getSecretName().equals("parley-" + service.module() + "-identity"));
            Map<String, String> settings = release.settings(service);
            List<String> mounts = secretMountPaths(release, service);
            for (String file : List.of("PARLEY_SERVICE_IDENTITY_CERTIFICATE", "PARLEY_SERVICE_IDENTITY_PRIVATE_KEY",
                    "PARLEY_SERVICE_IDENTITY_TRUSTED_CA")) {
                assertThat(mounts).as("%s of %s", file, service.module())
                        .anyMatch(mount -> settings.get(file) != null && settings.get(file).startsWith(mount + "/"));
            }
        }
    }

    private static List<String> secretMountPaths(RenderedRelease release, ParleyServices service) {
        Set<String> secretVolumes = new TreeSet<>();
        release.deployment(service).getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(volume -> volume.getSecret() != null).forEach(volume -> secretVolumes.add(volume.getName()));
        return release.container(service).getVolumeMounts().stream()
                .filter(mount -> secretVolumes.contains(mount.getName()))
                .map(io.fabric8.kubernetes.api.model.VolumeMount::getMountPath).toList();
    }

    private static List<String> secretVariables(RenderedRelease release, ParleyServices service) {
        return release.container(service).getEnv().stream()
                .filter(variable -> variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null)
                .map(EnvVar::getName)
                .toList();
    }
}
