package dev.arbor.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The seed models' schema files under {@code realm-export/schemas/}, read as an adapter would read them. */
public final class SeedSchemas {

    static final Path DIRECTORY = Path.of("realm-export", "schemas");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SeedSchemas() {
    }

    static Object document(String name) {
        try {
            return YAML.readValue(DIRECTORY.resolve(name + ".yaml").toFile(), Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Policy policy(String name) {
        return new Policy(SchemaReader.read(document(name)));
    }

    /** A test schema kept beside these classes, for tests here and ITs alike. */
    public static String resource(String name) {
        try (var in = SeedSchemas.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test schema " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * What the policy answers {@code user} about changing the tree: {@code create} a scope of {@code type} under
     * {@code scope}, {@code update} or {@code delete} (without cascade) {@code scope}, as the seeds' table rows ask.
     */
    static Decision scopeDecision(Policy policy, String user, String action, String scope, String type,
            TreeSlice tree) {
        Principal principal = Principal.user(user);
        return switch (action) {
            case "create" -> policy.mayCreateScope(principal, scope, type, tree);
            case "update" -> policy.mayUpdateScope(principal, scope, tree);
            case "delete" -> policy.mayDeleteScope(principal, scope, false, tree);
            default -> throw new IllegalArgumentException("no such action " + action);
        };
    }

    /** Parses a YAML snippet, for tests of single constructs. */
    static Object yaml(String text) {
        try {
            return YAML.readValue(text, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
