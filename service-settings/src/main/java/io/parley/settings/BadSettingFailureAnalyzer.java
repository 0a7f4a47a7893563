package io.parley.settings;

import java.util.Comparator;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a configuration binding or validation failure into a {@link FailureAnalysis} whose
 * description is a single line naming the setting, e.g.
 * {@code Invalid setting parley.ports.http=-1: must be a TCP port between 1 and 65535}.
 */
class BadSettingFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    static final String PREFIX = "Invalid setting ";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        String line = validationError(cause)
                .map(error -> describe(cause.getName().toString(), error))
                .orElseGet(() -> describe(cause));
        return new FailureAnalysis(line, "Fix the setting named above and start again.", cause);
    }

    /**
     * The first invalid field by name: the validator reports violations in no particular order, and a start-up that
     * names a different setting each time (certificate, then private-key) cannot be tested or followed.
     */
    private static Optional<ObjectError> validationError(BindException cause) {
        return cause.getCause() instanceof BindValidationException validation
                ? validation.getValidationErrors().getAllErrors().stream()
                        .min(Comparator.comparing(error -> error instanceof FieldError field ? field.getField() : ""))
                : Optional.empty();
    }

    private static String describe(String prefix, ObjectError error) {
        if (error instanceof FieldError field) {
            String name = prefix + "." + SettingNames.dashed(field.getField());
            return PREFIX + name + "=" + field.getRejectedValue() + ": " + field.getDefaultMessage();
        }
        return PREFIX + prefix + ": " + error.getDefaultMessage();
    }

    private static String describe(BindException cause) {
        String name = cause.getProperty() != null ? cause.getProperty().getName().toString() : cause.getName().toString();
        Object value = cause.getProperty() != null ? cause.getProperty().getValue() : "";
        Throwable reason = cause.getCause() != null ? cause.getCause() : cause;
        return PREFIX + name + "=" + value + ": " + SettingNames.firstLine(reason.getMessage());
    }
}
