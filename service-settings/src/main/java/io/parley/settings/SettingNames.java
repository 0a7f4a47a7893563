package io.parley.settings;

/** Spelling of setting names and messages in start-up errors. */
final class SettingNames {

    private SettingNames() {
    }

    /** {@code bootstrapServers[0]} becomes {@code bootstrap-servers[0]}, as the user writes it. */
    static String dashed(String field) {
        StringBuilder dashed = new StringBuilder(field.length() + 4);
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (Character.isUpperCase(c)) {
                dashed.append('-').append(Character.toLowerCase(c));
            } else {
                dashed.append(c);
            }
        }
        return dashed.toString();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
