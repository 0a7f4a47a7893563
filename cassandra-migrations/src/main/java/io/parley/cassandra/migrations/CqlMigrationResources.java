package io.parley.cassandra.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Finds the migration scripts of a service on its classpath. */
final class CqlMigrationResources {

    private CqlMigrationResources() {
    }

    static List<CqlMigration> load(String location) {
        try {
            Resource[] scripts = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + location + "/V*__*.cql");
            return Arrays.stream(scripts).map(CqlMigrationResources::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list CQL migrations under " + location, e);
        }
    }

    private static CqlMigration parse(Resource script) {
        try {
            return CqlScriptParser.parse(script.getFilename(), script.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CQL migration " + script.getDescription(), e);
        }
    }
}
