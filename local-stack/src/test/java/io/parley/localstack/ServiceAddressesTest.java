package io.parley.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceAddressesTest {

    private final ServiceAddresses offset = ServiceAddresses.of(ServiceDefinition.ALL.stream()
            .map(service -> service.withPorts(service.httpPort() + 1000, service.grpcPort() + 1000))
            .toList());

    @Test
    void pointsTheGatewayAtEveryServiceItCallsAndAtTheTokenKeys() {
        assertThat(offset.environmentFor("gateway-service"))
                .containsEntry("PARLEY_GATEWAY_CHATSERVICE_ADDRESS", "127.0.0.1:10082")
                .containsEntry("PARLEY_GATEWAY_USERSERVICE_ADDRESS", "127.0.0.1:10081")
                .containsEntry("PARLEY_GATEWAY_PRESENCESERVICE_ADDRESS", "127.0.0.1:10083")
                .containsEntry("PARLEY_AUTH_JWKSURI", "http://127.0.0.1:9081/v1/.well-known/jwks.json")
                .hasSize(4);
    }

    @Test
    void pointsEachOtherCallerAtItsCallees() {
        assertThat(offset.environmentFor("chat-service"))
                .containsEntry("PARLEY_CHAT_USERDIRECTORY_ADDRESS", "127.0.0.1:10081")
                .containsEntry("PARLEY_CHAT_MEDIALIBRARY_ADDRESS", "127.0.0.1:10085");
        assertThat(offset.environmentFor("presence-service"))
                .containsEntry("PARLEY_PRESENCE_USERDIRECTORY_ADDRESS", "127.0.0.1:10081");
        assertThat(offset.environmentFor("media-service"))
                .containsEntry("PARLEY_MEDIA_CHATMEMBERSHIP_ADDRESS", "127.0.0.1:10082");
        assertThat(offset.environmentFor("push-service")).containsOnlyKeys("PARLEY_AUTH_JWKSURI");
        assertThat(offset.environmentFor("group-service"))
                .containsEntry("PARLEY_GROUP_USERDIRECTORY_ADDRESS", "127.0.0.1:10081")
                .containsEntry("PARLEY_GROUP_CHATSERVICE_ADDRESS", "127.0.0.1:10082")
                .containsEntry("PARLEY_GROUP_MEDIALIBRARY_ADDRESS", "127.0.0.1:10085")
                .containsKey("PARLEY_AUTH_JWKSURI");
    }

    @Test
    void givesTheCallersOfAServiceThatRunsSeveralTimesEveryInstance() {
        ServiceAddresses twoOfEach = ServiceAddresses.of(
                ServiceInstance.of(ServiceDefinition.ALL, 2, 3).stream().map(ServiceInstance::service).toList());

        assertThat(twoOfEach.environmentFor("gateway-service"))
                .containsEntry("PARLEY_GATEWAY_CHATSERVICE_ADDRESS",
                        "addresses:///127.0.0.1:9082,127.0.0.1:9182,127.0.0.1:9282")
                .containsEntry("PARLEY_GATEWAY_USERSERVICE_ADDRESS", "127.0.0.1:9081");
        assertThat(twoOfEach.environmentFor("group-service"))
                .containsEntry("PARLEY_GROUP_CHATSERVICE_ADDRESS", "addresses:///127.0.0.1:9082,127.0.0.1:9182,127.0.0.1:9282");
        assertThat(twoOfEach.environmentFor("media-service"))
                .containsEntry("PARLEY_MEDIA_CHATMEMBERSHIP_ADDRESS", "addresses:///127.0.0.1:9082,127.0.0.1:9182,127.0.0.1:9282");
    }

    @Test
    void userServiceIsToldNothing() {
        assertThat(offset.environmentFor("user-service")).isEmpty();
    }

    @Test
    void leavesOutCalleesThatDoNotRun() {
        ServiceAddresses gatewayOnly = ServiceAddresses.of(List.of(ServiceDefinition.named("gateway-service")));

        assertThat(gatewayOnly.environmentFor("gateway-service")).isEmpty();
    }
}
