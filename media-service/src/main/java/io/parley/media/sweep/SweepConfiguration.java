package io.parley.media.sweep;

import io.parley.media.library.MediaStore;
import io.parley.media.storage.MediaObjects;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SweepConfiguration {

    @Bean
    MediaSweeper mediaSweeper(MediaStore store, MediaObjects objects, Clock clock, SweepSettings settings) {
        return new MediaSweeper(store, objects, clock, settings);
    }

    @Bean
    SweepSchedule sweepSchedule(MediaSweeper sweeper) {
        return new SweepSchedule(sweeper);
    }
}
