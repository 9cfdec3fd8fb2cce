package dev.arbor.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version this jar was built as, from the build-filtered {@code dev/arbor/arbor.properties}. */
final class ArborVersion {

    private static final String VERSION = load();

    private ArborVersion() {
    }

    static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ArborVersion.class.getResourceAsStream("/dev/arbor/arbor.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev/arbor/arbor.properties is missing from the Arbor jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dev/arbor/arbor.properties", e);
        }
    }
}
