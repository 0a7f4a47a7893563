package io.parley.architecture.planted.transports.clean.contact;

public class Contacts {
    public int pageSize() {
        return 50;
    }
}
