package io.parley.architecture.planted.transports.clean.profile;

public class Profiles {
    public String name(String id) {
        return id;
    }
}
