package dev.arbor.claims;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads the decoded claim strictly: every part the claim schema requires, of its type, or an
 * {@link IllegalArgumentException} naming the field. Parts the schema adds later (e.g. {@code switchable}) are
 * ignored, so that an app keeps working when Arbor adds to the claim.
 */
final class ClaimReader {

    private ClaimReader() {
    }

    static TenancyClaim read(String claimName, Object claim) {
        Map<?, ?> tenancy = object(claimName, claim);
        ScopeRef scope = scope(claimName + ".scope", required(tenancy, claimName, "scope"));
        List<ScopeRef> path = list(claimName + ".path", required(tenancy, claimName, "path"), ClaimReader::scope);
        List<String> roles = list(claimName + ".roles", required(tenancy, claimName, "roles"), ClaimReader::string);
        List<String> permissions =
                list(claimName + ".permissions", required(tenancy, claimName, "permissions"), ClaimReader::string);
        List<String> options =
                list(claimName + ".options", required(tenancy, claimName, "options"), ClaimReader::string);
        ClaimSchema schema = schema(claimName + ".schema", required(tenancy, claimName, "schema"));
        try {
            return new TenancyClaim(scope, path, roles, permissions, options, schema);
        } catch (IllegalArgumentException invariant) {
            // the value's own rule (the path ends with the scope), named as the token names it
            throw malformed(claimName + "." + invariant.getMessage());
        }
    }

    private static ScopeRef scope(String field, Object value) {
        Map<?, ?> scope = object(field, value);
        String id = string(field + ".id", required(scope, field, "id"));
        if (id.isBlank()) {
            throw malformed(field + ".id: must not be blank");
        }
        return new ScopeRef(id, string(field + ".type", required(scope, field, "type")),
                string(field + ".name", required(scope, field, "name")));
    }

    private static ClaimSchema schema(String field, Object value) {
        Map<?, ?> schema = object(field, value);
        String id = string(field + ".id", required(schema, field, "id"));
        Object version = required(schema, field, "version");
        if (!(version instanceof Integer || version instanceof Long || version instanceof Short
                || version instanceof Byte || version instanceof BigInteger)) {
            throw wrongType(field + ".version", "an integer", version);
        }
        BigInteger number = new BigInteger(version.toString());
        if (number.signum() < 1 || number.bitLength() > 31) {
            throw malformed(field + ".version: must be an integer from 1, is " + version);
        }
        return new ClaimSchema(id, number.intValue());
    }

    private static <T> List<T> list(String field, Object value, BiFunction<String, Object, T> element) {
        if (!(value instanceof Collection<?> values)) {
            throw wrongType(field, "an array", value);
        }
        List<T> read = new ArrayList<>(values.size());
        for (Object item : values) {
            read.add(element.apply(field + "[" + read.size() + "]", item));
        }
        return read;
    }

    private static Map<?, ?> object(String field, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw wrongType(field, "an object", value);
        }
        return map;
    }

    private static String string(String field, Object value) {
        if (!(value instanceof String text)) {
            throw wrongType(field, "a string", value);
        }
        return text;
    }

    private static Object required(Map<?, ?> object, String field, String key) {
        Object value = object.get(key);
        if (value == null) {
            throw malformed(field + "." + key + ": missing");
        }
        return value;
    }

    private static IllegalArgumentException wrongType(String field, String expected, Object value) {
        String actual = value == null ? "null" : value.getClass().getSimpleName() + " " + value;
        return malformed(field + ": expected " + expected + ", got " + actual);
    }

    private static IllegalArgumentException malformed(String detail) {
        return new IllegalArgumentException("malformed tenancy claim: " + detail);
    }
}
