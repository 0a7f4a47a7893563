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
 * A feature's internals are its own. Package-private types are already hidden by the compiler; a public type a
 * feature needs across its own subpackages but does not offer to others goes into an {@code internal}
 * subpackage, and only the package owning that {@code internal} package (and its subpackages) may use it:
 * {@code io.parley.client.internal.ClientEngine} is for {@code io.parley.client..} alone. Checked from the
 * user's side, so it also covers another module's internals (any {@code io.parley..internal..} type).
 */
public final class FeatureInternals {

    private static final String PARLEY = "io.parley";

    private FeatureInternals() {
    }

    public static ArchRule under(String rootPackage) {
        return classes().that().resideInAPackage(rootPackage + "..")
                .should(useNoOtherFeaturesInternals())
                .allowEmptyShould(true)
                .because("an internal package is the part of a feature that may change without telling anyone");
    }

    private static ArchCondition<JavaClass> useNoOtherFeaturesInternals() {
        return new ArchCondition<>("use no other feature's internal package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getBaseComponentType().getPackageName();
                    Optional<String> owner = PackageRoles.internalOwner(PARLEY, target);
                    if (owner.isPresent() && !PackageRoles.isInOrBelow(origin.getPackageName(), owner.get())) {
                        events.add(SimpleConditionEvent.violated(origin, dependency.getDescription()
                                + " reaches into the internals of " + owner.get()));
                    }
                }
            }
        };
    }
}
