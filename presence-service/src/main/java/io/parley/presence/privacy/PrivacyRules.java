package io.parley.presence.privacy;

/**
 * Whether a viewer may see another user's presence (online and last seen together; Parley does not show one
 * without the other). In order:
 * <ol>
 *   <li>a user always sees their own;</li>
 *   <li>a block in either direction hides it;</li>
 *   <li>a viewer whose own rule is {@code nobody} sees nobody's (reciprocity, as WhatsApp: you cannot watch
 *       others while hiding from everyone);</li>
 *   <li>then the target's rule: {@code everyone}, {@code contacts} (the viewer is in the target's contact list),
 *       {@code nobody}.</li>
 * </ol>
 * A {@code contacts} viewer still sees an {@code everyone} target: reciprocity applies to hiding completely only.
 */
public final class PrivacyRules {

    private PrivacyRules() {
    }

    /** The decision when it does not depend on the contact list; null when it does (target rule {@code contacts}). */
    public static Boolean decideWithoutContacts(boolean self, boolean blocked, LastSeenRule viewerRule, LastSeenRule targetRule) {
        if (self) {
            return true;
        }
        if (blocked || viewerRule == LastSeenRule.NOBODY) {
            return false;
        }
        return switch (targetRule) {
            case EVERYONE -> true;
            case NOBODY -> false;
            case CONTACTS -> null;
        };
    }
}
