package io.parley.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class HelmChartRenderingTest {

    static Stream<List<Path>> valueSets() {
        return Stream.of(List.of(), List.of(HelmChart.PRODUCTION_VALUES));
    }

    @Test
    void chartPassesStrictLint() {
        LintResult result = HelmChart.lint();

        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
        assertThat(result.getMessages()).noneMatch(message -> message.contains("[WARNING]") || message.contains("[ERROR]"));
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void everyRenderedObjectIsATypedKubernetesObjectWithoutUnknownFields(List<Path> values) {
        List<HasMetadata> objects = HelmChart.render(values);

        assertThat(objects).isNotEmpty();
        for (HasMetadata object : objects) {
            String name = object.getKind() + "/" + object.getMetadata().getName();
            if (object instanceof GenericKubernetesResource) {
                // Only the Prometheus Operator's CRD has no typed model here.
                assertThat(object.getKind()).as(name).isEqualTo("ServiceMonitor");
            } else {
                assertThat(UnknownFields.of(object)).as("fields the Kubernetes API does not have in " + name).isEmpty();
            }
        }
    }

    @Test
    void theChartNeverCreatesASecret() {
        valueSets().map(HelmChart::render).flatMap(List::stream)
                .forEach(object -> assertThat(object.getKind()).isNotEqualTo("Secret"));
    }

    @Test
    void aMisspeltFieldIsFound() {
        List<HasMetadata> objects = HelmChart.parse("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: c
                      image: i
                      readinesProbe: {httpGet: {path: /, port: 80}}
                """);

        assertThat(UnknownFields.of(objects.get(0))).containsExactly(".spec.containers[0].readinesProbe");
    }

    @Test
    void userServiceCannotBeRenderedWithoutItsSigningKeySecret() {
        assertThatThrownBy(() -> HelmChart.template(List.of(), Map.of("secrets.signingKeys.name", "")))
                .hasMessageContaining("secrets.signingKeys.name is required");
    }

    @Test
    void chatServiceCannotAutoscaleBeyondItsTopicPartitions() {
        assertThatThrownBy(() -> HelmChart.template(List.of(), Map.of("services.chat.autoscaling.maxReplicas", 13)))
                .hasMessageContaining("exceeds the partitions of messages/inbox");
    }
}
