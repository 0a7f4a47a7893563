package io.parley.settings;

import java.io.PrintStream;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Prints why start-up failed as one line on standard error, so an operator reading
 * {@code kubectl logs} or a terminal sees the bad setting without scrolling through a stack trace.
 * Spring Boot's own logging reporter still writes the long form.
 */
public class OneLineFailureReporter implements FailureAnalysisReporter {

    private final PrintStream out;

    public OneLineFailureReporter() {
        this(System.err);
    }

    OneLineFailureReporter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void report(FailureAnalysis analysis) {
        out.println("Parley failed to start: " + SettingNames.firstLine(analysis.getDescription()));
        out.flush();
    }
}
