package io.parley.media.thumbnail;

import io.parley.media.library.MediaStore;
import io.parley.media.storage.MediaObjects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ThumbnailConfiguration {

    @Bean
    Thumbnails thumbnails(MediaObjects objects, MediaStore store, ThumbnailSettings settings) {
        return new Thumbnails(objects, store, settings);
    }
}
