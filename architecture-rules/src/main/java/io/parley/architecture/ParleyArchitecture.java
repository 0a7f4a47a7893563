package io.parley.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * Parley's architecture rules for one module. A module's whole architecture test is
 *
 * <pre>{@code
 * class ArchitectureTest {
 *     @Test
 *     void followsParleyRules() {
 *         ParleyArchitecture.check("io.parley.user");
 *     }
 * }
 * }</pre>
 *
 * It imports the module's main classes (test classes excluded) under the root package and fails with every
 * violation of every rule at once. The rules and why they exist are in docs/architecture.md, section "Rules".
 */
public final class ParleyArchitecture {

    private ParleyArchitecture() {
    }

    /** Checks the main classes under {@code rootPackage} against every rule; throws an AssertionError listing violations. */
    public static void check(String rootPackage) {
        rule(rootPackage).check(mainClasses(rootPackage));
    }

    /** All of Parley's rules for a module whose classes live under {@code rootPackage}, as one rule. */
    public static ArchRule rule(String rootPackage) {
        List<ArchRule> rules = rules(rootPackage);
        CompositeArchRule all = CompositeArchRule.of(rules.get(0));
        for (ArchRule rule : rules.subList(1, rules.size())) {
            all = all.and(rule);
        }
        return all;
    }

    /** The rules one by one, in the order docs/architecture.md names them. */
    public static List<ArchRule> rules(String rootPackage) {
        return List.of(
                NoPackageCycles.under(rootPackage),
                FeatureInternals.under(rootPackage),
                TransportLeaves.under(rootPackage),
                InjectedClock.under(rootPackage),
                NoBlockingInReactiveCode.under(rootPackage));
    }

    /**
     * Imports from the classpath entries that hold the root package only: asking ArchUnit for a package scans
     * every jar on the classpath, which costs tens of seconds per module.
     */
    static JavaClasses mainClasses(String rootPackage) {
        List<URL> roots = new ArrayList<>();
        try {
            Enumeration<URL> found = ParleyArchitecture.class.getClassLoader()
                    .getResources(rootPackage.replace('.', '/'));
            while (found.hasMoreElements()) {
                roots.add(found.nextElement());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importUrls(roots);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("no main classes under " + rootPackage + " on the classpath");
        }
        return classes;
    }
}
