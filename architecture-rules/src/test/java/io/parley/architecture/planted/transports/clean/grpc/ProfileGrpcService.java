package io.parley.architecture.planted.transports.clean.grpc;

import io.parley.architecture.planted.transports.clean.profile.Profiles;

public class ProfileGrpcService {
    public String get(Profiles profiles, String id) {
        return profiles.name(id);
    }
}
