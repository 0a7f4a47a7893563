package io.parley.architecture.planted.transports.violating.grpc;

import io.parley.architecture.planted.transports.violating.profile.Profiles;

public class ProfileGrpcService {
    public static String notFound() {
        return "NOT_FOUND";
    }

    public String get(Profiles profiles, String id) {
        return profiles.name(id);
    }
}
