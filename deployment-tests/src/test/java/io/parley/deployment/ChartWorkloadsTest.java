package io.parley.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChartWorkloadsTest {

    @ParameterizedTest
    @MethodSource(RenderedRelease.BOTH)
    void everyServiceRunsNonRootOnAReadOnlyFilesystemWithProbesAndLimits(RenderedRelease release) {
        for (ParleyServices service : ParleyServices.ALL) {
            PodSpec pod = release.deployment(service).getSpec().getTemplate().getSpec();
            Container container = release.container(service);
            String what = service.module() + " with " + release;

            assertThat(pod.getContainers()).as(what).hasSize(1);
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).as(what).isEqualTo("/actuator/health/liveness");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).as(what).isEqualTo("/actuator/health/readiness");
            assertThat(container.getStartupProbe()).as(what).isNotNull();
            assertThat(container.getResources().getLimits()).as(what).containsKeys("cpu", "memory");
            assertThat(container.getResources().getRequests()).as(what).containsKeys("cpu", "memory");
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(what).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(what).isPositive();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(what).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(what).isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(what).contains("ALL");
            assertThat(pod.getAutomountServiceAccountToken()).as(what).isFalse();
            assertThat(pod.getTopologySpreadConstraints()).as(what).isNotEmpty();
            assertThat(container.getVolumeMounts()).as(what + ": a writable /tmp")
                    .anyMatch(mount -> mount.getMountPath().equals("/tmp") && pod.getVolumes().stream()
                            .anyMatch(volume -> volume.getName().equals(mount.getName()) && volume.getEmptyDir() != null));
        }
    }

    @ParameterizedTest
    @MethodSource(RenderedRelease.BOTH)
    void everyServiceHasADisruptionBudgetAndHttpAndGrpcPorts(RenderedRelease release) {
        for (ParleyServices service : ParleyServices.ALL) {
            PodDisruptionBudget budget = release.named(PodDisruptionBudget.class, RenderedRelease.nameOf(service));
            assertThat(budget.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(release.deployment(service).getSpec().getSelector().getMatchLabels());
            assertThat(release.service(service).getSpec().getPorts()).extracting(ServicePort::getName)
                    .containsExactlyInAnyOrder("http", "grpc");
            assertThat(release.container(service).getPorts()).extracting(port -> port.getContainerPort())
                    .containsExactlyInAnyOrder(
                            Integer.parseInt(release.settings(service).get("PARLEY_PORTS_HTTP")),
                            Integer.parseInt(release.settings(service).get("PARLEY_PORTS_GRPC")));
        }
    }

    @ParameterizedTest
    @MethodSource(RenderedRelease.BOTH)
    void aStoppingGatewayHasTimeToDrainItsDevices(RenderedRelease release) {
        PodSpec pod = release.deployment(ParleyServices.GATEWAY).getSpec().getTemplate().getSpec();
        long preStop = release.container(ParleyServices.GATEWAY).getLifecycle().getPreStop().getSleep().getSeconds();
        Duration drain = Duration.parse("PT" + release.settings(ParleyServices.GATEWAY).get("PARLEY_GATEWAY_DRAIN_TIMEOUT"));
        // After SIGTERM: the drain, then HTTP (20 s) and gRPC (10 s) graceful shutdown (application.yaml).
        long needed = preStop + drain.toSeconds() + 20 + 10;

        assertThat(preStop).isPositive();
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(needed);
    }

    @ParameterizedTest
    @MethodSource(RenderedRelease.BOTH)
    void chatServiceScalesWithinItsTopicPartitionsAndGatewaysScaleToo(RenderedRelease release) {
        HorizontalPodAutoscaler chat = release.named(HorizontalPodAutoscaler.class, RenderedRelease.nameOf(ParleyServices.CHAT));
        var settings = release.settings(ParleyServices.CHAT);

        assertThat(chat.getSpec().getMaxReplicas())
                .isLessThanOrEqualTo(Integer.parseInt(settings.get("PARLEY_CHAT_TOPICS_MESSAGES_PARTITIONS")))
                .isLessThanOrEqualTo(Integer.parseInt(settings.get("PARLEY_CHAT_TOPICS_INBOX_PARTITIONS")));
        assertThat(release.named(HorizontalPodAutoscaler.class, RenderedRelease.nameOf(ParleyServices.GATEWAY))
                .getSpec().getScaleTargetRef().getName()).isEqualTo(RenderedRelease.nameOf(ParleyServices.GATEWAY));
    }
}
