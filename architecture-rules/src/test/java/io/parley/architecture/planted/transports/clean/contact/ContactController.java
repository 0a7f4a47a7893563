package io.parley.architecture.planted.transports.clean.contact;

import org.springframework.web.bind.annotation.RestController;

@RestController
public class ContactController {
    private final Contacts contacts = new Contacts();

    public int pageSize() {
        return contacts.pageSize();
    }
}
