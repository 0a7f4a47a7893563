package io.parley.user.directory;

import io.parley.proto.user.v1.Device;
import io.parley.proto.user.v1.GetPrivacyResponse;
import io.parley.proto.user.v1.LastSeenVisibility;
import io.parley.proto.user.v1.Platform;
import io.parley.proto.user.v1.UserProfile;
import io.parley.user.privacy.PrivacySettings;
import io.parley.user.profile.Profile;

/** Domain records to their protobuf messages. */
final class ProtoMapping {

    private ProtoMapping() {
    }

    static UserProfile profile(Profile profile) {
        return UserProfile.newBuilder()
                .setUserId(profile.userId().toString())
                .setUsername(profile.username())
                .setDisplayName(nullToEmpty(profile.displayName()))
                .setAbout(nullToEmpty(profile.about()))
                .setAvatarMediaId(nullToEmpty(profile.avatarMediaId()))
                .build();
    }

    static Device device(io.parley.user.device.Device device) {
        return Device.newBuilder()
                .setDeviceId(device.deviceId().toString())
                .setPlatform(switch (device.platform()) {
                    case IOS -> Platform.PLATFORM_IOS;
                    case ANDROID -> Platform.PLATFORM_ANDROID;
                    case WEB -> Platform.PLATFORM_WEB;
                    case DESKTOP -> Platform.PLATFORM_DESKTOP;
                })
                .setName(device.name())
                .setCreatedAtEpochMillis(device.createdAt().toEpochMilli())
                .setLastActiveAtEpochMillis(device.lastActiveAt() != null ? device.lastActiveAt().toEpochMilli() : 0)
                .build();
    }

    static GetPrivacyResponse privacy(PrivacySettings settings) {
        return GetPrivacyResponse.newBuilder()
                .setLastSeen(switch (settings.lastSeen()) {
                    case EVERYONE -> LastSeenVisibility.LAST_SEEN_VISIBILITY_EVERYONE;
                    case CONTACTS -> LastSeenVisibility.LAST_SEEN_VISIBILITY_CONTACTS;
                    case NOBODY -> LastSeenVisibility.LAST_SEEN_VISIBILITY_NOBODY;
                })
                .setReadReceipts(settings.readReceipts())
                .build();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
