package io.parley.presence.privacy;

import reactor.core.publisher.Mono;

/** {@link PrivacyRules} applied with user-service's answers; asks for the contact list only when the rule needs it. */
public class PresencePrivacy {

    private final UserDirectoryClient directory;

    PresencePrivacy(UserDirectoryClient directory) {
        this.directory = directory;
    }

    /** Whether {@code viewer} may see {@code target}'s online state and last seen; errors if user-service fails. */
    public Mono<Boolean> mayView(String viewer, String target) {
        if (viewer.equals(target)) {
            return Mono.just(true);
        }
        return Mono.zip(directory.blockedEitherWay(viewer, target), directory.lastSeenRule(viewer),
                        directory.lastSeenRule(target))
                .flatMap(answers -> {
                    Boolean decided = PrivacyRules.decideWithoutContacts(false, answers.getT1(), answers.getT2(),
                            answers.getT3());
                    return decided != null ? Mono.just(decided) : directory.isContact(target, viewer);
                });
    }
}
