package io.parley.media.upload;

import io.parley.cassandra.async.ReactiveCql;
import io.parley.media.chats.ChatMembershipClient;
import io.parley.media.library.MediaStore;
import io.parley.media.storage.MediaObjects;
import io.parley.media.thumbnail.Thumbnails;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class UploadConfiguration {

    @Bean
    Uploads uploads(UploadSettings settings, ChatMembershipClient chats, ReactiveCql cql, MediaStore store,
                    MediaObjects objects, Clock clock) {
        return new Uploads(settings, chats, new UploadQuota(cql, clock, settings.dailyQuota().toBytes()), store, objects, clock);
    }

    @Bean
    Completion completion(MediaStore store, MediaObjects objects, Thumbnails thumbnails, Clock clock) {
        return new Completion(store, objects, thumbnails, clock);
    }
}
