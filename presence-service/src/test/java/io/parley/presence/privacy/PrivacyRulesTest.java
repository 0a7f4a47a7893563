package io.parley.presence.privacy;

import static io.parley.presence.privacy.LastSeenRule.CONTACTS;
import static io.parley.presence.privacy.LastSeenRule.EVERYONE;
import static io.parley.presence.privacy.LastSeenRule.NOBODY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrivacyRulesTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // everyone sees an "everyone" user
                Arguments.of(false, false, EVERYONE, EVERYONE, true),
                // a "contacts" viewer still sees an "everyone" user
                Arguments.of(false, false, CONTACTS, EVERYONE, true),
                // "contacts" depends on the target's contact list
                Arguments.of(false, false, EVERYONE, CONTACTS, null),
                // nobody sees a "nobody" user
                Arguments.of(false, false, EVERYONE, NOBODY, false),
                // a viewer hiding from everyone sees no one (reciprocity)
                Arguments.of(false, false, NOBODY, EVERYONE, false),
                // a block in either direction hides everything
                Arguments.of(false, true, EVERYONE, EVERYONE, false),
                // one's own presence is always visible, whatever the rules
                Arguments.of(true, false, NOBODY, NOBODY, true));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void decidesWhoSeesPresence(boolean self, boolean blocked, LastSeenRule viewer, LastSeenRule target, Boolean expected) {
        assertThat(PrivacyRules.decideWithoutContacts(self, blocked, viewer, target)).isEqualTo(expected);
    }
}
