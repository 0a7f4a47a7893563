package io.parley.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceInstanceTest {

    @Test
    void oneOfEachKeepsTheServicesNamesAndPorts() {
        assertThat(ServiceInstance.of(ServiceDefinition.ALL, 1, 1))
                .extracting(ServiceInstance::service).containsExactlyElementsOf(ServiceDefinition.ALL);
        assertThat(ServiceInstance.of(ServiceDefinition.ALL, 1, 1))
                .extracting(ServiceInstance::name).containsExactlyElementsOf(ServiceDefinition.ALL.stream()
                        .map(ServiceDefinition::name).toList());
    }

    @Test
    void extraGatewaysAndChatServicesGetTheirOwnNameAndPortsAHundredApart() {
        List<ServiceInstance> instances = ServiceInstance.of(ServiceDefinition.ALL, 2, 3);

        assertThat(instances).hasSize(ServiceDefinition.ALL.size() + 3);
        assertThat(instances).filteredOn(instance -> instance.service().name().equals("gateway-service"))
                .extracting(ServiceInstance::name, instance -> instance.service().httpPort(), instance -> instance.service().grpcPort())
                .containsExactly(
                        tuple("gateway-service", 8080, 9080),
                        tuple("gateway-service-2", 8180, 9180));
        assertThat(instances).filteredOn(instance -> instance.service().name().equals("chat-service"))
                .extracting(ServiceInstance::name, instance -> instance.service().grpcPort())
                .containsExactly(
                        tuple("chat-service", 9082),
                        tuple("chat-service-2", 9182),
                        tuple("chat-service-3", 9282));
        assertThat(instances).extracting(instance -> instance.service().httpPort()).doesNotHaveDuplicates();
    }
}
