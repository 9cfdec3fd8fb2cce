package dev.arbor.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the realm attribute {@code arbor.tenancy} of the realm files in {@code realm-export/} from their
 * human-edited sources: {@code schemas/<seed>.yaml} (the schema, with the seed's assumptions as comments) and
 * {@code tenancy/<seed>.yaml} (the tree and the memberships). The attribute holds the tenancy document
 * ({@code {"arbor":1,"schema":{...},"scopes":[...],"members":[...]}}) as a JSON string; Arbor applies it when
 * Keycloak imports the realm (docs/realm-files.md). Run after editing a YAML source:
 * <pre>{@value #COMMAND}</pre>
 * {@code RealmFileTenancyTest} fails while a realm file's attribute differs from what this makes of its sources.
 */
public final class RealmFileTenancy {

    /** What regenerates the attributes; quoted by the test that finds one out of date. */
    public static final String COMMAND = "mvn -B -o -Prealm-files";

    static final String ATTRIBUTE = "arbor.tenancy";
    private static final Set<String> TENANCY_FIELDS = Set.of("arbor", "scopes", "members");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The realm files' layout: two spaces, {@code "key": value}, one array element a line, {@code {}} and {@code []}. */
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private RealmFileTenancy() {
    }

    /** Rewrites the attribute of every realm file in the directory (default {@code realm-export}) that has sources. */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "realm-export");
        for (Path file : RealmExports.files(dir)) {
            Optional<String> tenancy = attribute(dir, seed(file));
            if (tenancy.isEmpty()) {
                continue;
            }
            String before = read(file);
            String after = withAttribute(before, tenancy.get());
            if (!after.equals(before)) {
                write(file, after);
                System.out.println("arbor.tenancy written: " + file);
            } else {
                System.out.println("arbor.tenancy up to date: " + file);
            }
        }
    }

    /** The seed a realm file is named after: {@code skyport} for {@code skyport.json}. */
    public static String seed(Path realmFile) {
        return realmFile.getFileName().toString().replaceFirst("\\.json$", "");
    }

    /**
     * The attribute's value for a seed: the tenancy document as compact JSON; empty when the seed has no schema or
     * no tenancy YAML.
     */
    public static Optional<String> attribute(Path dir, String seed) {
        Path schema = dir.resolve("schemas").resolve(seed + ".yaml");
        Path tenancy = dir.resolve("tenancy").resolve(seed + ".yaml");
        if (!Files.isRegularFile(schema) || !Files.isRegularFile(tenancy)) {
            return Optional.empty();
        }
        JsonNode tree = yaml(tenancy);
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TENANCY_FIELDS.contains(name)) {
                throw new IllegalArgumentException(tenancy + ": unexpected field '" + name + "' (a tenancy file has "
                        + TENANCY_FIELDS + "; the schema comes from " + schema + ")");
            }
        }
        ObjectNode document = JSON.createObjectNode();
        document.put("arbor", tree.path("arbor").asInt(1));
        document.set("schema", yaml(schema));
        document.set("scopes", tree.path("scopes").isMissingNode() ? JSON.createArrayNode() : tree.get("scopes"));
        document.set("members", tree.path("members").isMissingNode() ? JSON.createArrayNode() : tree.get("members"));
        try {
            return Optional.of(JSON.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The realm file's text with {@code tenancy} as its attribute, in the realm files' layout. */
    static String withAttribute(String realmFile, String tenancy) {
        ObjectNode realm;
        try {
            realm = (ObjectNode) JSON.readTree(realmFile);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a realm file: " + e.getOriginalMessage(), e);
        }
        if (!(realm.get("attributes") instanceof ObjectNode)) {
            // first time: the attributes go after the realm's own settings, before its clients
            ObjectNode ordered = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> field : List.copyOf(realm.properties())) {
                if (field.getKey().equals("clients") || field.getKey().equals("users")) {
                    if (!ordered.has("attributes")) {
                        ordered.putObject("attributes");
                    }
                }
                ordered.set(field.getKey(), field.getValue());
            }
            if (!ordered.has("attributes")) {
                ordered.putObject("attributes");
            }
            realm = ordered;
        }
        ((ObjectNode) realm.get("attributes")).put(ATTRIBUTE, tenancy);
        try {
            return JSON.writer(PRINTER).writeValueAsString(realm) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
