package dev.arbor.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the harness finds its inputs. Maven sets these system properties (failsafe for the ITs, exec for the
 * demo; see arbor-keycloak.pom.xml), so running an IT from an IDE needs the same properties.
 */
record HarnessSettings(Path providerJar, Path keycloakZip, String keycloakVersion, Path workDir) {

    static HarnessSettings fromSystemProperties() {
        return new HarnessSettings(
                existingFile("arbor.provider.jar"),
                existingFile("arbor.keycloak.zip"),
                required("arbor.keycloak.version"),
                Path.of(required("arbor.work.dir")));
    }

    /** Which server the ITs run against: {@code distribution} (default) or {@code testcontainers}. */
    static String serverMode() {
        return System.getProperty("arbor.it.server", "distribution");
    }

    private static Path existingFile(String property) {
        Path path = Path.of(required(property));
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(property + " names " + path + ", which does not exist;"
                    + " build first (mvn verify builds the jar before the ITs run)");
        }
        return path;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("System property " + property + " is not set;"
                    + " run the ITs and the demo through Maven (see README.md), which sets it");
        }
        return value;
    }
}
