package io.parley.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;

/**
 * Transport code is a leaf: only transport code uses it. Transport code is a transport package ({@code grpc},
 * {@code web}, {@code websocket}, {@code rest}, at any depth below the root) and REST controllers, wherever they
 * live. So a feature's logic never depends on how it is called, and the types features share with the
 * transports (errors, commands, results) live below them, in the features. Controllers may use a shared
 * {@code web} package (request helpers); a controller is used by nobody.
 */
public final class TransportLeaves {

    private TransportLeaves() {
    }

    public static ArchRule under(String rootPackage) {
        return classes().that().resideInAPackage(rootPackage + "..")
                .should(useNoTransportTypesFromOutside(rootPackage))
                .allowEmptyShould(true)
                .because("a transport adapts the service to one protocol; the service must not depend on it");
    }

    private static ArchCondition<JavaClass> useNoTransportTypesFromOutside(String root) {
        return new ArchCondition<>("use no type of a transport package or controller from outside it") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (leavesItsTransport(root, origin, target)) {
                        events.add(SimpleConditionEvent.violated(origin,
                                dependency.getDescription() + ", but transport code is a leaf that nothing else uses"));
                    }
                }
            }
        };
    }

    private static boolean leavesItsTransport(String root, JavaClass origin, JavaClass target) {
        Optional<String> transport = PackageRoles.transportPackage(root, target.getPackageName());
        if (transport.isPresent()) {
            return !PackageRoles.isInOrBelow(origin.getPackageName(), transport.get()) && !PackageRoles.isController(origin);
        }
        return PackageRoles.isInOrBelow(target.getPackageName(), root)
                && PackageRoles.isController(target)
                && !PackageRoles.topLevel(origin).equals(PackageRoles.topLevel(target));
    }
}
