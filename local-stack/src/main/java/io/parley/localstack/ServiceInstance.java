package io.parley.localstack;

import java.util.ArrayList;
import java.util.List;

/**
 * One running copy of a service: the first of each keeps the service's name and ports, the n-th is
 * {@code <service>-n} (its log file) on the ports plus {@code (n - 1) * }{@value LocalStackOptions#INSTANCE_PORT_STEP}.
 */
record ServiceInstance(String name, ServiceDefinition service) {

    /** Every instance to run: {@code gateways} gateways, {@code chatServices} chat-services, one of the others. */
    static List<ServiceInstance> of(List<ServiceDefinition> services, int gateways, int chatServices) {
        List<ServiceInstance> instances = new ArrayList<>();
        for (ServiceDefinition service : services) {
            int count = switch (service.name()) {
                case "gateway-service" -> gateways;
                case "chat-service" -> chatServices;
                default -> 1;
            };
            for (int n = 1; n <= count; n++) {
                int shift = (n - 1) * LocalStackOptions.INSTANCE_PORT_STEP;
                instances.add(new ServiceInstance(n == 1 ? service.name() : service.name() + "-" + n,
                        service.withPorts(service.httpPort() + shift, service.grpcPort() + shift)));
            }
        }
        return List.copyOf(instances);
    }
}
