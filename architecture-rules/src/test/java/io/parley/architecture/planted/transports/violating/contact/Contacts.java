package io.parley.architecture.planted.transports.violating.contact;

/** Takes its page size from the controller beside it. */
public class Contacts {
    public int[] page() {
        return new int[ContactController.pageSize()];
    }
}
