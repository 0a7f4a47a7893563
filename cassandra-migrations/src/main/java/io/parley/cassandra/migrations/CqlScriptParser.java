package io.parley.cassandra.migrations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a script file into a {@link CqlMigration}: version from the name, statements split on ';'. */
public final class CqlScriptParser {

    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.cql");

    private CqlScriptParser() {
    }

    public static CqlMigration parse(String fileName, String script) {
        Matcher name = FILE_NAME.matcher(fileName);
        if (!name.matches()) {
            throw new IllegalArgumentException(
                    "CQL migration file name must look like V001__create_users.cql, was " + fileName);
        }
        List<String> statements = split(script);
        statements.forEach(statement -> requireIdempotent(fileName, statement));
        return new CqlMigration(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '),
                sha256(script), statements);
    }

    /** Splits on ';' outside quotes, dropping '--' and '//' line comments and blank statements. */
    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inQuote = false;
        for (String line : script.split("\n", -1)) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (!inQuote && (line.startsWith("--", i) || line.startsWith("//", i))) {
                    break;
                }
                if (c == '\'') {
                    inQuote = !inQuote;
                }
                if (c == ';' && !inQuote) {
                    addIfNotBlank(statements, current);
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            current.append('\n');
        }
        addIfNotBlank(statements, current);
        return statements;
    }

    private static void addIfNotBlank(List<String> statements, StringBuilder statement) {
        String text = statement.toString().strip().replaceAll("\\s+", " ");
        if (!text.isEmpty()) {
            statements.add(text);
        }
    }

    private static void requireIdempotent(String fileName, String statement) {
        String upper = statement.toUpperCase(Locale.ROOT);
        boolean creates = upper.startsWith("CREATE ");
        boolean drops = upper.startsWith("DROP ");
        boolean adds = upper.startsWith("ALTER ") && upper.contains(" ADD ");
        if ((creates || adds) && !upper.contains("IF NOT EXISTS") || drops && !upper.contains("IF EXISTS")) {
            throw new IllegalArgumentException(fileName + ": statement is not idempotent (add IF [NOT] EXISTS): "
                    + statement);
        }
    }

    private static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
