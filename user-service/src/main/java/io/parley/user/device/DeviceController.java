package io.parley.user.device;

import io.parley.auth.verification.ParleyPrincipal;
import io.parley.user.error.ApiProblem;
import io.parley.user.web.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Devices")
class DeviceController {

    private final Devices devices;
    private final DeviceRevocation revocation;

    DeviceController(Devices devices, DeviceRevocation revocation) {
        this.devices = devices;
        this.revocation = revocation;
    }

    @GetMapping("/v1/users/{userId}/devices")
    @Operation(summary = "List your signed-in devices")
    Mono<List<DeviceView>> list(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable UUID userId) {
        Callers.requireSelf(caller, userId);
        return devices.list(userId).map(device -> DeviceView.of(device, caller)).collectList();
    }

    @DeleteMapping("/v1/users/{userId}/devices/{deviceId}")
    @Operation(summary = "Revoke a device", description = "Its refresh tokens stop working at once; DeviceRevoked is published.")
    Mono<ResponseEntity<Void>> revoke(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable UUID userId,
            @PathVariable UUID deviceId) {
        Callers.requireSelf(caller, userId);
        return revocation.revoke(userId, deviceId, RevocationReason.REVOKED_BY_OWNER)
                .flatMap(found -> found
                        ? Mono.just(ResponseEntity.noContent().<Void>build())
                        : Mono.error(ApiProblem.notFound("You have no device " + deviceId)));
    }

    record DeviceView(UUID deviceId, String platform, String name, Instant createdAt, Instant lastActiveAt, boolean current) {

        static DeviceView of(Device device, ParleyPrincipal caller) {
            return new DeviceView(device.deviceId(), device.platform().apiName(), device.name(), device.createdAt(),
                    device.lastActiveAt(), device.deviceId().equals(caller.deviceId()));
        }
    }
}
