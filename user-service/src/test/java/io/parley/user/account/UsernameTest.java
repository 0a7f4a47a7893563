package io.parley.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTest {

    @ParameterizedTest
    @CsvSource({"alice, alice", "Alice.Smith_2, alice.smith_2", "abc, abc", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345, abcdefghijklmnopqrstuvwxyz012345"})
    void foldsValidNamesToLowerCase(String input, String stored) {
        assertThat(Username.normalize(input)).isEqualTo(stored);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "ab", // too short
            "abcdefghijklmnopqrstuvwxyz0123456", // 33 characters
            "al ice", // space
            "alice-smith", // dash is not allowed
            "ålice", // non-ASCII letter
            "alice\n", // trailing newline
            "" // empty
    })
    void rejectsNamesOutsideTheRules(String input) {
        assertThat(Username.isValid(input)).isFalse();
    }
}
