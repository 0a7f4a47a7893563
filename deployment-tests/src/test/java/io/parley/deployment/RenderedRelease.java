package io.parley.deployment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One rendering of the chart, with look-ups by Parley service. */
record RenderedRelease(String description, List<HasMetadata> objects) {

    /** For {@code @MethodSource}: the chart with its default values and with the production example. */
    static final String BOTH = "io.parley.deployment.RenderedRelease#defaultAndProduction";

    static List<RenderedRelease> defaultAndProduction() {
        return List.of(of("default values", List.of()), of("production values", List.of(HelmChart.PRODUCTION_VALUES)));
    }

    static RenderedRelease of(String description, List<Path> values) {
        return new RenderedRelease(description, HelmChart.render(values));
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return HelmChart.ofKind(objects, kind);
    }

    <T extends HasMetadata> T named(Class<T> kind, String name) {
        return all(kind).stream().filter(object -> object.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name + " with " + description));
    }

    static String nameOf(ParleyServices service) {
        return HelmChart.RELEASE + "-" + service.module();
    }

    Deployment deployment(ParleyServices service) {
        return named(Deployment.class, nameOf(service));
    }

    Container container(ParleyServices service) {
        return deployment(service).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    Service service(ParleyServices service) {
        return named(Service.class, nameOf(service));
    }

    /** Settings from the service's ConfigMap. */
    Map<String, String> settings(ParleyServices service) {
        return named(ConfigMap.class, nameOf(service)).getData();
    }

    /** Every environment variable name the service's container gets: its ConfigMap's keys and its own env. */
    List<String> environmentNames(ParleyServices service) {
        List<String> names = new ArrayList<>(settings(service).keySet());
        List<EnvVar> env = container(service).getEnv();
        if (env != null) {
            env.forEach(variable -> names.add(variable.getName()));
        }
        return names;
    }

    @Override
    public String toString() {
        return description;
    }
}
