package dev.arbor.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A position in a parsed document (maps, lists, strings, numbers, booleans, as any JSON or YAML parser yields)
 * that knows its own path, so every problem names the exact place. Type mismatches are reported and read as
 * empty, so reading goes on and finds the other problems too.
 */
final class Node {

    private final Object value;
    private final String path;
    private final Problems problems;

    Node(Object value, String path, Problems problems) {
        this.value = value;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    boolean isMissing() {
        return value == null;
    }

    boolean isMap() {
        return value instanceof Map;
    }

    boolean isList() {
        return value instanceof List;
    }

    void problem(String message) {
        problems.add(path.isEmpty() ? "(document)" : path, message);
    }

    /**
     * The entries of a map, in document order, without {@code x-} extension keys; reports a non-map and unknown
     * keys; empty when absent.
     */
    Map<String, Node> entries(Set<String> allowedKeys) {
        Map<String, Node> entries = new LinkedHashMap<>();
        if (value == null) {
            return entries; // absence is for the caller to judge
        }
        if (!(value instanceof Map<?, ?> map)) {
            problem("must be an object");
            return entries;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Node child = new Node(entry.getValue(), childPath(key), problems);
            if (key.startsWith("x-")) {
                continue; // extension keys: the author's own annotations and YAML anchors, never read
            }
            if (allowedKeys != null && !allowedKeys.contains(key)) {
                child.problem("unknown property; expected one of " + allowedKeys);
            }
            entries.put(key, child);
        }
        return entries;
    }

    /** An object whose keys are names chosen by the author (scope types, roles, modules). */
    Map<String, Node> namedEntries() {
        return entries(null);
    }

    Node get(String key) {
        Object child = value instanceof Map<?, ?> map ? map.get(key) : null;
        return new Node(child, childPath(key), problems);
    }

    List<Node> items() {
        List<Node> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (!(value instanceof List<?> list)) {
            problem("must be a list");
            return items;
        }
        for (int i = 0; i < list.size(); i++) {
            items.add(new Node(list.get(i), path + "[" + i + "]", problems));
        }
        return items;
    }

    /** A list of strings; a single string is read as a list of one. */
    List<Node> stringItems() {
        if (value instanceof String) {
            return List.of(this);
        }
        return items();
    }

    String string() {
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        problem(value == null ? "is required" : "must be a non-empty string");
        return null;
    }

    String optionalString() {
        return value == null ? null : string();
    }

    /** The string, or null without a report: for a value another pass has already checked. */
    String optionalStringQuietly() {
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    /** The boolean, or null without a report: for a value another pass checks. */
    Boolean optionalBooleanQuietly() {
        return value instanceof Boolean flag ? flag : null;
    }

    boolean bool(boolean fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        problem("must be true or false");
        return fallback;
    }

    Integer integer() {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.intValue();
        }
        problem(value == null ? "is required" : "must be a whole number");
        return null;
    }

    Integer optionalInteger() {
        return value == null ? null : integer();
    }

    /** The raw scalar (string, number or boolean), for attribute comparisons. */
    Object scalar() {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        problem("must be a string, a number or a boolean");
        return null;
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
