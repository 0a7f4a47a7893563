package io.parley.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Optional;
import java.util.Set;

/** What a package is for, read from its name: Parley's naming conventions in one place. */
final class PackageRoles {

    /** Package names that hold transport code: gRPC services, REST controllers, WebSocket handlers. */
    static final Set<String> TRANSPORTS = Set.of("grpc", "web", "websocket", "rest");
    static final String INTERNAL = "internal";
    static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";
    static final String CONTROLLER = "org.springframework.stereotype.Controller";

    private PackageRoles() {
    }

    /**
     * The transport package {@code pkg} is in below {@code root} (the prefix up to and including the first
     * transport segment), if any.
     */
    static Optional<String> transportPackage(String root, String pkg) {
        return packageEndingAtSegment(root, pkg, TRANSPORTS);
    }

    /** The package that owns the {@code internal} package {@code pkg} is in, if {@code pkg} is internal. */
    static Optional<String> internalOwner(String root, String pkg) {
        return packageEndingAtSegment(root, pkg, Set.of(INTERNAL))
                .map(internal -> internal.substring(0, internal.length() - INTERNAL.length() - 1));
    }

    static boolean isInOrBelow(String pkg, String ancestor) {
        return pkg.equals(ancestor) || pkg.startsWith(ancestor + ".");
    }

    static boolean isController(JavaClass type) {
        JavaClass outer = topLevel(type);
        return outer.isAnnotatedWith(REST_CONTROLLER) || outer.isAnnotatedWith(CONTROLLER);
    }

    static JavaClass topLevel(JavaClass type) {
        JavaClass outer = type.getBaseComponentType();
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    private static Optional<String> packageEndingAtSegment(String root, String pkg, Set<String> segments) {
        if (!isInOrBelow(pkg, root)) {
            return Optional.empty();
        }
        String[] below = pkg.substring(root.length()).split("\\.");
        StringBuilder prefix = new StringBuilder(root);
        for (String segment : below) {
            if (segment.isEmpty()) {
                continue;
            }
            prefix.append('.').append(segment);
            if (segments.contains(segment)) {
                return Optional.of(prefix.toString());
            }
        }
        return Optional.empty();
    }
}
