package io.parley.testkit;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** Names of per-class resources (topics, keyspaces, buckets): readable prefix, random suffix. */
final class UniqueNames {

    private UniqueNames() {
    }

    /** Eight random hexadecimal digits. */
    static String suffix() {
        return String.format(Locale.ROOT, "%08x", ThreadLocalRandom.current().nextInt());
    }

    /**
     * {@code prefix} reduced to lower-case letters, digits and {@code separator}, cut to {@code maxPrefixLength},
     * then the separator and a random suffix: {@code ChatHistoryTest} becomes {@code chathistorytest_1a2b3c4d}.
     */
    static String of(String prefix, char separator, int maxPrefixLength) {
        String cleaned = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", String.valueOf(separator));
        cleaned = cleaned.replaceAll("^[^a-z]+", "");
        if (cleaned.isEmpty()) {
            cleaned = "test";
        }
        if (cleaned.length() > maxPrefixLength) {
            cleaned = cleaned.substring(0, maxPrefixLength);
        }
        return cleaned + separator + suffix();
    }
}
