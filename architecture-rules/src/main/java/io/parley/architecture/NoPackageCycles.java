package io.parley.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * No cycles between the packages one level below the root ({@code io.parley.user.account},
 * {@code io.parley.user.auth}, ...); each slice holds its subpackages. Classes directly in the root package
 * (the application class, cross-cutting configuration) belong to no slice.
 */
public final class NoPackageCycles {

    private NoPackageCycles() {
    }

    public static ArchRule under(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .allowEmptyShould(true)
                .because("a package cycle makes two features one: neither can be understood, tested or moved alone");
    }
}
