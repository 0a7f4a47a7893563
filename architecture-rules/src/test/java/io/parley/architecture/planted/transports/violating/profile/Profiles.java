package io.parley.architecture.planted.transports.violating.profile;

import io.parley.architecture.planted.transports.violating.grpc.ProfileGrpcService;

/** Takes an error reason from the gRPC transport: the arrow runs back up. */
public class Profiles {
    public String name(String id) {
        return id.isEmpty() ? ProfileGrpcService.notFound() : id;
    }
}
