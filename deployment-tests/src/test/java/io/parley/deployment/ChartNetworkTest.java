package io.parley.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChartNetworkTest {

    @ParameterizedTest
    @MethodSource(RenderedRelease.BOTH)
    void oneIngressRoutesTheWebSocketAndEveryRestPrefixToItsService(RenderedRelease release) {
        List<Ingress> ingresses = release.all(Ingress.class);
        assertThat(ingresses).hasSize(1);
        List<HTTPIngressPath> paths = ingresses.get(0).getSpec().getRules().get(0).getHttp().getPaths();

        assertThat(routeOf(paths, "/v1/ws")).isEqualTo(RenderedRelease.nameOf(ParleyServices.GATEWAY));
        for (ParleyServices service : ParleyServices.ALL) {
            for (String prefix : RestPrefixes.of(service)) {
                assertThat(routeOf(paths, prefix)).as("route of " + prefix).isEqualTo(RenderedRelease.nameOf(service));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void restPrefixesAreReadFromTheControllers() {
        assertThat(RestPrefixes.of(ParleyServices.USER)).contains("/v1/accounts", "/v1/auth", "/v1/users", "/v1/openapi");
        assertThat(RestPrefixes.of(ParleyServices.CHAT)).contains("/v1/chats");
        assertThat(RestPrefixes.inSource("""
                @RequestMapping("/v1/things")
                class ThingController {
                    @GetMapping("/{id}") Thing one() { return null; }
                    @PostMapping(path = "/v1/other/{id}/parts") void add() { }
                }
                """)).containsExactly("/v1/other", "/v1/things");
    }

    @ParameterizedTest
    @MethodSource(RenderedRelease.BOTH)
    void noGrpcPortIsPublic(RenderedRelease release) {
        for (HTTPIngressPath path : release.all(Ingress.class).get(0).getSpec().getRules().get(0).getHttp().getPaths()) {
            assertThat(path.getBackend().getService().getPort().getName()).as(path.getPath()).isEqualTo("http");
        }
        for (ParleyServices service : ParleyServices.ALL) {
            assertThat(release.service(service).getSpec().getType()).isEqualTo("ClusterIP");
        }
    }

    @ParameterizedTest
    @MethodSource(RenderedRelease.BOTH)
    void everyServicePortIsGuardedByANetworkPolicyThatNamesWhoMayCall(RenderedRelease release) {
        for (ParleyServices service : ParleyServices.ALL) {
            Map<String, String> selector = release.deployment(service).getSpec().getSelector().getMatchLabels();
            List<NetworkPolicy> policies = release.all(NetworkPolicy.class).stream()
                    .filter(policy -> policy.getSpec().getPodSelector().getMatchLabels().equals(selector))
                    .toList();
            assertThat(policies).as(service.module()).hasSize(1);
            List<NetworkPolicyIngressRule> rules = policies.get(0).getSpec().getIngress();

            assertThat(rules).as("every rule names its callers").allMatch(rule -> !rule.getFrom().isEmpty());
            for (ServicePort port : release.service(service).getSpec().getPorts()) {
                if (port.getName().equals("http") || isCalled(service, port.getName())) {
                    assertThat(rules).as(service.module() + " port " + port.getName())
                            .anyMatch(rule -> rule.getPorts().stream()
                                    .anyMatch(allowed -> allowed.getPort().equals(new IntOrString(port.getName()))));
                }
            }
        }
    }

    /** gRPC ports nobody calls stay closed: push-service's, and group-service's (it calls chat-service, not back). */
    private static boolean isCalled(ParleyServices service, String port) {
        return switch (service) {
            case GATEWAY, USER, CHAT, PRESENCE, MEDIA -> port.equals("grpc");
            case PUSH, GROUP -> false;
        };
    }

    private static String routeOf(List<HTTPIngressPath> paths, String prefix) {
        return paths.stream()
                .filter(path -> "Prefix".equals(path.getPathType()))
                .filter(path -> prefix.equals(path.getPath()) || prefix.startsWith(path.getPath() + "/"))
                .map(path -> path.getBackend().getService().getName())
                .findFirst().orElse("(no route)");
    }
}
