package io.parley.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each rule reports the violations planted under {@code planted.<rule>.violating} and passes on the same
 * shapes done right under {@code planted.<rule>.clean}.
 */
class ParleyRulesTest {

    private static final String PLANTED = "io.parley.architecture.planted.";

    @Test
    void aCycleBetweenTwoFeaturePackagesIsReported() {
        assertThat(violations(NoPackageCycles::under, "cycles.violating"))
                .contains("Cycle detected").contains("orders").contains("billing");
        assertThat(violations(NoPackageCycles::under, "cycles.clean")).isEmpty();
    }

    @Test
    void aFeatureUsingAnotherFeaturesInternalPackageIsReported() {
        String report = violations(FeatureInternals::under, "internals.violating");

        assertThat(report).contains("violating.car.Car").contains("engine.internal.Pistons");
        assertThat(report).doesNotContain("violating.engine.Engine ");
        assertThat(violations(FeatureInternals::under, "internals.clean")).isEmpty();
    }

    @Test
    void aFeatureUsingATransportPackageOrAControllerIsReported() {
        String report = violations(TransportLeaves::under, "transports.violating");

        assertThat(report).contains("violating.profile.Profiles").contains("grpc.ProfileGrpcService.notFound()");
        assertThat(report).contains("violating.contact.Contacts").contains("ContactController");
        assertThat(report).doesNotContain("Class <" + PLANTED + "transports.violating.grpc.ProfileGrpcService>");
        assertThat(violations(TransportLeaves::under, "transports.clean")).isEmpty();
    }

    @Test
    void readingTheWallClockOrMakingASystemClockOutsideWiringIsReported() {
        String report = violations(InjectedClock::under, "clock.violating");

        assertThat(report).contains("Instant.now()").contains("System.currentTimeMillis()")
                .contains("LocalDateTime.now()").contains("Stamps.later()")
                .contains("Schedule.<init>()").contains("Clock.systemUTC()");
        assertThat(violations(InjectedClock::under, "clock.clean")).isEmpty();
    }

    @Test
    void blockingInAClassThatReturnsMonoOrFluxOrInWebCodeIsReported() {
        String report = violations(NoBlockingInReactiveCode::under, "blocking.violating");

        assertThat(report).contains("Lookup.findNow(").contains("Mono.block()");
        assertThat(report).contains("Feed.firstAndLast(").contains("Flux.blockFirst()").contains("Flux.blockLast()");
        assertThat(report).contains("StatusHandler.status(").contains("CompletableFuture.get()");
        assertThat(violations(NoBlockingInReactiveCode::under, "blocking.clean")).isEmpty();
    }

    @Test
    void checkReportsEveryRuleAtOnce() {
        ArchRule all = ParleyArchitecture.rule(PLANTED + "clock.violating");

        assertThatThrownBy(() -> all.check(new ClassFileImporter().importPackages(PLANTED + "clock.violating")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Instant.now()");
    }

    @Test
    void theRuleModuleFollowsItsOwnRules() {
        ParleyArchitecture.check("io.parley.architecture");
    }

    private static String violations(Function<String, ArchRule> rule, String planted) {
        String root = PLANTED + planted;
        EvaluationResult result = rule.apply(root).evaluate(new ClassFileImporter().importPackages(root));
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
