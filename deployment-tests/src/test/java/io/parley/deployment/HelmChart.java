package io.parley.deployment;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** k8s/parley rendered in-process by Helm's own library (helm-java), offline, and parsed into typed objects. */
final class HelmChart {

    static final Path CHART = Repository.path("k8s", "parley");
    static final Path DEFAULT_VALUES = CHART.resolve("values.yaml");
    static final Path PRODUCTION_VALUES = CHART.resolve("values-production.yaml");
    static final String RELEASE = "parley";
    /** The oldest Kubernetes the chart supports (Chart.yaml kubeVersion): render against its APIs. */
    static final String KUBE_VERSION = "v1.30.0";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private HelmChart() {
    }

    static LintResult lint() {
        return new Helm(CHART).lint().strict().call();
    }

    /** {@code helm template parley k8s/parley [-f values] [--set k=v]} as YAML. */
    static String template(List<Path> valuesFiles, Map<String, Object> overrides) {
        TemplateCommand template = new Helm(CHART).template().withName(RELEASE).withNamespace("parley")
                .withKubeVersion(KUBE_VERSION);
        valuesFiles.forEach(template::withValuesFile);
        overrides.forEach(template::set);
        return template.call();
    }

    static List<HasMetadata> render(List<Path> valuesFiles) {
        return parse(template(valuesFiles, Map.of()));
    }

    static List<HasMetadata> parse(String manifests) {
        return Arrays.stream(manifests.split("(?m)^---\\s*$"))
                .filter(document -> document.lines().anyMatch(line -> line.startsWith("kind:")))
                .map(document -> (HasMetadata) SERIALIZATION.unmarshal(document))
                .toList();
    }

    static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
