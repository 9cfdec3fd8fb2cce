package dev.arbor.rest;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Request bodies for one endpoint, generated from a valid body by a seeded {@link Random}: the same seed gives the
 * same bodies. Case {@code i} is of kind {@code KINDS[i % KINDS.size()]}, so every kind is tried on every endpoint.
 */
final class FuzzBodies {

    /** What the target rules say the API must answer to a body, beyond "no 5xx". */
    enum Expect {
        /** Any answer but a 5xx. */
        ANY,
        /** Duplicate keys: 400. */
        MALFORMED,
        /** A null attribute value or a null in a list: 400 (or, on schema validate, 200 with valid false). */
        REFUSED_VALUE,
        /** More than 1,000,000 bytes: 413. */
        TOO_LARGE
    }

    record Body(String kind, byte[] bytes, Expect expect) {

        /** The start of the body, for a failure message that lets one see what was sent. */
        String excerpt() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return bytes.length + " bytes: " + (text.length() > 160 ? text.substring(0, 160) + "…" : text);
        }
    }

    static final List<String> KINDS = List.of("valid", "wrong type", "null value", "null in list", "null attribute",
            "missing field", "extra field", "huge string", "deep nesting", "unicode", "invalid UTF-8",
            "duplicate key", "malformed", "empty", "YAML anchors", "YAML tags");

    static final int LIMIT = 1_000_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String MARK = "arbor-fuzz-mark";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> NASTY = List.of("\u202Egnp.exe", "مرحبا بالعالم", "שלום", "👩‍👩‍👧‍👦🏳️‍🌈",
            "a\u0000b", "\u0000", "\uFEFFbom", "line\u2028separator", "Z\u0334\u0321\u031F\u0361", "   ",
            "<script>alert(1)</script>", "'; DROP TABLE ARBOR_SCOPE; --", "../../etc/passwd", "%00", "${jndi:ldap://x}",
            "{{7*7}}", "\t\r\n", "ﷺ".repeat(40), "\uD83D\uDE00".repeat(300));
    /** Written into the text as escapes: a lone surrogate cannot travel as UTF-8 otherwise. */
    private static final List<String> ESCAPED = List.of("\\ud800", "\\udfff", "x\\ud83dy", "\\u0000\\u0000");

    private final JsonNode seed;
    private final String seedText;
    private final boolean yaml;
    private final Random random;

    /**
     * @param seedText a valid body, JSON or (when {@code yaml}) YAML
     */
    FuzzBodies(String seedText, boolean yaml, Random random) {
        this.seedText = seedText;
        this.yaml = yaml;
        this.random = random;
        try {
            this.seed = (yaml ? YAML : JSON).readTree(seedText);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the seed body is not valid: " + seedText, e);
        }
    }

    Body next(int index) {
        String kind = KINDS.get(index % KINDS.size());
        JsonNode tree = seed.deepCopy();
        return switch (kind) {
            case "valid" -> text(kind, random.nextBoolean() ? seedText : write(tree), Expect.ANY);
            case "wrong type" -> {
                JsonPointer where = pick(pointers(tree));
                set(tree, where, otherType(tree.at(where)));
                yield text(kind, write(tree), Expect.ANY);
            }
            case "null value" -> {
                set(tree, pick(pointers(tree)), NODES.nullNode());
                yield text(kind, write(tree), Expect.ANY);
            }
            case "null in list" -> nullInList(tree);
            case "null attribute" -> nullAttribute(tree);
            case "missing field" -> {
                JsonPointer field = pick(fields(tree));
                ((ObjectNode) tree.at(field.head())).remove(field.last().getMatchingProperty());
                yield text(kind, write(tree), Expect.ANY);
            }
            case "extra field" -> {
                ObjectNode object = pick(objects(tree));
                object.set(random.nextBoolean() ? "x" + random.nextInt(1000) : pick(NASTY), randomValue());
                yield text(kind, write(tree), Expect.ANY);
            }
            case "huge string" -> huge(tree);
            case "deep nesting" -> deep(tree);
            case "unicode" -> unicode(tree);
            case "invalid UTF-8" -> invalidUtf8(tree);
            case "duplicate key" -> duplicateKey(tree);
            case "malformed" -> text(kind, malformed(write(tree)), Expect.ANY);
            case "empty" -> text(kind, pick(List.of("", " ", "\n", "null", "[]", "{}", "0", "\"\"", "true", "---", "~")),
                    Expect.ANY);
            case "YAML anchors" -> text(kind, random.nextBoolean() ? laughs("\n") : mark(tree, "{" + laughs(", ") + "}"),
                    Expect.ANY);
            case "YAML tags" -> text(kind, mark(tree, pick(List.of("!!java.net.URL [\"http://127.0.0.1:1/\"]",
                    "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL"
                            + " [\"http://127.0.0.1:1/\"]]]]", "!!python/object/apply:os.system [\"true\"]",
                    "!!binary aGVsbG8=", "!!set {a, b}", "!!timestamp 2001-12-14t21:59:43.10-05:00", "!!float .nan",
                    "!!int 0x7fffffffffffffffff", "!custom value", "!<tag:yaml.org,2002:str> tagged",
                    "!!map {a: 1}", "!!omap [a: 1, a: 2]"))), Expect.ANY);
            default -> throw new IllegalStateException(kind);
        };
    }

    private Body nullInList(JsonNode tree) {
        List<JsonPointer> lists = new ArrayList<>();
        for (JsonPointer pointer : pointers(tree)) {
            if (tree.at(pointer).isArray()) {
                lists.add(pointer);
            }
        }
        if (lists.isEmpty()) {
            JsonPointer field = pick(pointers(tree));
            set(tree, field, NODES.arrayNode().add(tree.at(field)).addNull());
            return text("null in list", write(tree), Expect.ANY);
        }
        ArrayNode list = (ArrayNode) tree.at(pick(lists));
        list.insertNull(random.nextInt(list.size() + 1));
        return text("null in list", write(tree), Expect.REFUSED_VALUE);
    }

    /** A null value in a scope's attributes; bodies without attributes get a null elsewhere. */
    private Body nullAttribute(JsonNode tree) {
        List<ObjectNode> attributes = new ArrayList<>();
        for (JsonPointer pointer : pointers(tree)) {
            if (pointer.last().getMatchingProperty().equals("attributes") && tree.at(pointer).isObject()) {
                attributes.add((ObjectNode) tree.at(pointer));
            }
        }
        if (attributes.isEmpty() || tree.has("scopeTypes")) {
            set(tree, pick(pointers(tree)), NODES.nullNode());
            return text("null attribute", write(tree), Expect.ANY);
        }
        ObjectNode target = pick(attributes);
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        target.putNull(names.isEmpty() || random.nextBoolean() ? "firstPurchaseDone" : pick(names));
        return text("null attribute", write(tree), Expect.REFUSED_VALUE);
    }

    /** One string just under or just over the limit, in ASCII or in two-byte characters (fewer chars than bytes). */
    private Body huge(JsonNode tree) {
        List<JsonPointer> strings = strings(tree);
        JsonPointer where = strings.isEmpty() ? pick(pointers(tree)) : pick(strings);
        set(tree, where, NODES.textNode(MARK));
        String around = write(tree);
        int others = around.getBytes(StandardCharsets.UTF_8).length - MARK.length();
        int target = switch (random.nextInt(4)) {
            case 0 -> LIMIT - 10;
            case 1 -> LIMIT + 10;
            case 2 -> LIMIT - 1 - random.nextInt(1000);
            default -> LIMIT + 1 + random.nextInt(2 * LIMIT);
        };
        boolean twoBytes = random.nextInt(3) == 0;
        int fill = Math.max(1, target - others);
        String filler = twoBytes ? "é".repeat(fill / 2) + (fill % 2 == 1 ? "x" : "") : "x".repeat(fill);
        String body = around.replace(MARK, filler);
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        return text("huge string", body, bytes > LIMIT ? Expect.TOO_LARGE : Expect.ANY);
    }

    private Body deep(JsonNode tree) {
        int depth = pick(List.of(1_001, 2_500, 5_000, 20_000));
        String deep = switch (random.nextInt(3)) {
            case 0 -> "[".repeat(depth) + "]".repeat(depth);
            case 1 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            default -> "[{\"a\":".repeat(depth / 2) + "null" + "}]".repeat(depth / 2);
        };
        if (yaml && random.nextBoolean()) {
            StringBuilder block = new StringBuilder();
            for (int level = 0; level < Math.min(depth, 800); level++) {
                block.append("  ".repeat(level)).append("a:\n");
            }
            return text("deep nesting", block.append("  ".repeat(800)).append("1\n").toString(), Expect.ANY);
        }
        return text("deep nesting", random.nextInt(5) == 0 ? deep : mark(tree, deep), Expect.ANY);
    }

    private Body unicode(JsonNode tree) {
        List<JsonPointer> strings = strings(tree);
        if (strings.isEmpty() || random.nextInt(3) == 0) {
            ObjectNode object = pick(objects(tree));
            if (random.nextBoolean()) {
                object.put(pick(NASTY), "value");
                return text("unicode", write(tree), Expect.ANY);
            }
            return text("unicode", mark(tree, "\"" + pick(ESCAPED) + "\""), Expect.ANY);
        }
        JsonPointer where = pick(strings);
        String original = tree.at(where).asText();
        if (random.nextInt(4) == 0) {
            set(tree, where, NODES.textNode(MARK));
            return text("unicode", write(tree).replace(MARK, original + pick(ESCAPED)), Expect.ANY);
        }
        set(tree, where, NODES.textNode(random.nextBoolean() ? pick(NASTY) : original + pick(NASTY)));
        return text("unicode", write(tree), Expect.ANY);
    }

    /** Bytes that are no UTF-8: a lone surrogate as CESU-8, an overlong NUL, a stray continuation byte, 0xFF. */
    private Body invalidUtf8(JsonNode tree) {
        List<JsonPointer> strings = strings(tree);
        JsonPointer where = strings.isEmpty() ? pick(pointers(tree)) : pick(strings);
        set(tree, where, NODES.textNode(MARK));
        String[] parts = write(tree).split(Pattern.quote(MARK), 2);
        byte[] bad = pick(List.of(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC0,
                (byte) 0x80}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xC3}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
        out.writeBytes("name".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        if (parts.length > 1) {
            out.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
        }
        return new Body("invalid UTF-8", out.toByteArray(), Expect.ANY);
    }

    /** The same key twice in one object (the second with another value), at the top or deeper. */
    private Body duplicateKey(JsonNode tree) {
        if (yaml) {
            List<String> lines = new ArrayList<>(seedText.lines().toList());
            Pattern keyed = Pattern.compile("^(\\s*)([A-Za-z][\\w-]*):\\s*\\S.*$");
            List<Integer> candidates = new ArrayList<>();
            for (int line = 0; line < lines.size(); line++) {
                if (keyed.matcher(lines.get(line)).matches()) {
                    candidates.add(line);
                }
            }
            int line = pick(candidates);
            Matcher matcher = keyed.matcher(lines.get(line));
            matcher.matches();
            // half the time the very same line: a body that is otherwise valid, so only the duplicate can refuse it
            lines.add(line + 1, random.nextBoolean() ? lines.get(line) : matcher.group(1) + matcher.group(2) + ": "
                    + pick(List.of("other", "1", "[x]", "~", "\"\"")));
            return text("duplicate key", String.join("\n", lines) + "\n", Expect.MALFORMED);
        }
        List<JsonPointer> fields = fields(tree);
        JsonPointer field = pick(fields);
        ObjectNode parent = (ObjectNode) tree.at(field.head());
        String name = field.last().getMatchingProperty();
        parent.put(MARK, MARK);
        // half the time the same value again: a body that is otherwise valid, so only the duplicate can refuse it
        String duplicate = JSON.valueToTree(name).toString() + ":" + write(random.nextBoolean() ? parent.get(name)
                : otherType(parent.get(name)));
        return text("duplicate key", write(tree).replace("\"" + MARK + "\":\"" + MARK + "\"", duplicate),
                Expect.MALFORMED);
    }

    private String malformed(String text) {
        return switch (random.nextInt(7)) {
            case 0 -> text.substring(0, random.nextInt(Math.max(1, text.length())));
            case 1 -> {
                int at = random.nextInt(text.length());
                yield text.substring(0, at) + pick(List.of("{", "}", "[", "]", ":", ",", "\"", "\\", "\t", ": :",
                        "- -", "&", "*", "!", "%")) + text.substring(at);
            }
            case 2 -> text + pick(List.of("}", "]", "{}", ",", "garbage", "\n---\nsecond: document"));
            case 3 -> text.replace('"', '\'');
            case 4 -> "/* comment */" + text;
            case 5 -> "{\"a\": NaN, \"b\": Infinity, \"c\": 0x1F, \"d\": 1e999999999}";
            default -> "\uFEFF" + text;
        };
    }

    /** A "billion laughs": each level an alias of the level below, nine times. */
    private static String laughs(String separator) {
        List<String> levels = new ArrayList<>();
        levels.add("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]");
        for (char level = 'b'; level <= 'j'; level++) {
            String below = "*" + (char) (level - 1);
            levels.add(level + ": &" + level + " [" + String.join(",", java.util.Collections.nCopies(9, below)) + "]");
        }
        return String.join(separator, levels);
    }

    /** The body with one value (a random one) replaced by {@code raw} text. */
    private String mark(JsonNode tree, String raw) {
        set(tree, pick(pointers(tree)), NODES.textNode(MARK));
        return write(tree).replace("\"" + MARK + "\"", raw);
    }

    private Body text(String kind, String text, Expect expect) {
        return new Body(kind, text.getBytes(StandardCharsets.UTF_8), expect);
    }

    private String write(JsonNode tree) {
        try {
            return (yaml ? YAML : JSON).writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode otherType(JsonNode node) {
        List<JsonNode> others = new ArrayList<>(List.of(NODES.numberNode(random.nextInt()), NODES.booleanNode(true),
                NODES.textNode("text"), NODES.arrayNode().add("item"), NODES.objectNode().put("k", "v"),
                NODES.numberNode(1.5e300), NODES.numberNode(new java.math.BigInteger("9".repeat(60)))));
        others.removeIf(other -> other.getNodeType() == node.getNodeType());
        return pick(others);
    }

    private JsonNode randomValue() {
        return pick(List.of(NODES.nullNode(), NODES.textNode(pick(NASTY)), NODES.numberNode(-1),
                NODES.arrayNode().addNull(), NODES.objectNode()));
    }

    private static void set(JsonNode root, JsonPointer pointer, JsonNode value) {
        JsonNode parent = root.at(pointer.head());
        if (parent instanceof ObjectNode object) {
            object.set(pointer.last().getMatchingProperty(), value);
        } else if (parent instanceof ArrayNode array) {
            array.set(pointer.last().getMatchingIndex(), value);
        }
    }

    /** Every value in the tree but the root, by pointer. */
    private static List<JsonPointer> pointers(JsonNode tree) {
        List<JsonPointer> pointers = new ArrayList<>();
        walk(tree, JsonPointer.empty(), pointers);
        return pointers;
    }

    private static void walk(JsonNode node, JsonPointer at, List<JsonPointer> pointers) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                JsonPointer child = at.appendProperty(name);
                pointers.add(child);
                walk(node.get(name), child, pointers);
            });
        } else if (node.isArray()) {
            for (int index = 0; index < node.size(); index++) {
                JsonPointer child = at.appendIndex(index);
                pointers.add(child);
                walk(node.get(index), child, pointers);
            }
        }
    }

    private static List<JsonPointer> fields(JsonNode tree) {
        return pointers(tree).stream().filter(pointer -> tree.at(pointer.head()).isObject()).toList();
    }

    private static List<JsonPointer> strings(JsonNode tree) {
        return pointers(tree).stream().filter(pointer -> tree.at(pointer).isTextual()).toList();
    }

    private static List<ObjectNode> objects(JsonNode tree) {
        List<ObjectNode> objects = new ArrayList<>();
        if (tree instanceof ObjectNode root) {
            objects.add(root);
        }
        for (JsonPointer pointer : pointers(tree)) {
            if (tree.at(pointer) instanceof ObjectNode object) {
                objects.add(object);
            }
        }
        return objects;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
