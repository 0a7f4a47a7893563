package io.parley.architecture.planted.transports.violating.contact;

import org.springframework.web.bind.annotation.RestController;

@RestController
public class ContactController {
    public static int pageSize() {
        return 50;
    }
}
