package io.parley.settings;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Validates the shared settings, and those a service lists as {@link EarlyValidatedSettings}, as soon
 * as the environment is ready, before any bean connects to anything. Without this, an empty Kafka bootstrap list could surface as a connection error from
 * whichever client happens to start first, instead of a message naming the setting.
 */
class EarlySettingsValidation implements EnvironmentPostProcessor, Ordered {

    private static final Map<String, Class<?>> SHARED_SETTINGS = Map.of(
            "parley.ports", ServicePorts.class,
            "parley.kafka", KafkaConnection.class,
            "parley.redis", RedisConnection.class,
            "parley.cassandra", CassandraConnection.class);

    /** After application.yaml, profiles and every other property source are in place. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        try (ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
                .buildValidatorFactory()) {
            ValidationBindHandler validation = new ValidationBindHandler(new SpringValidatorAdapter(factory.getValidator()));
            SHARED_SETTINGS.forEach((prefix, type) -> {
                if (binder.bind(prefix, Bindable.mapOf(String.class, Object.class)).isBound()) {
                    binder.bind(prefix, Bindable.of(type), validation);
                }
            });
            SpringFactoriesLoader.forDefaultResourceLocation(application.getClassLoader())
                    .load(EarlyValidatedSettings.class)
                    .forEach(service -> service.byPrefix().forEach((prefix, type) ->
                            binder.bindOrCreate(prefix, Bindable.of(type), validation)));
        }
    }
}
