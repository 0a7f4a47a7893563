package io.parley.architecture.planted.transports.clean.contact;

import io.parley.architecture.planted.transports.clean.web.Callers;
import org.springframework.web.bind.annotation.RestController;

/** A controller may use the shared web helpers: it is transport code itself. */
@RestController
public class ContactController {
    private final Contacts contacts = new Contacts();

    public int pageSize(String caller, String owner) {
        Callers.requireSelf(caller, owner);
        return contacts.pageSize();
    }
}
