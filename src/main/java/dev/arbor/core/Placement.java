package dev.arbor.core;

import java.util.Map;
import java.util.Optional;

/**
 * Where a scope may go and what it may carry, as the schema says: a type the schema declares, allowed under its
 * parent's type (or at the top), and only declared attributes, each with a value of its declared kind. Creating,
 * updating and importing scopes and checking stored scopes against a new schema all ask here. Immutable and
 * thread-safe.
 *
 * <p>Field names are where the value sits in the caller's document, e.g. {@code type}, {@code parentId} or
 * {@code scopes[0].children[1].type}; a misfit names the one field at fault.
 */
public final class Placement {

    /** Which rule a scope breaks. */
    public enum Fault {
        /** the schema declares no such scope type */
        TYPE,
        /** the type may not be placed under the parent's type, or at the top */
        NESTING,
        /** an attribute the type does not declare, a null value, or a value of the wrong kind */
        ATTRIBUTE
    }

    /**
     * The first rule a scope breaks.
     *
     * @param field where the offending value is, as the caller named it (attributes: the prefix, a dot, the name)
     * @param message what is wrong, in a sentence
     */
    public record Misfit(Fault fault, String field, String message) {
    }

    private final TenancySchema schema;

    public Placement(TenancySchema schema) {
        this.schema = schema;
    }

    /**
     * Whether a scope of {@code type} with {@code attributes} may be placed under a scope of {@code parentType}:
     * the type first, then the nesting, then the attributes, each field named under {@code path}.
     *
     * @param parentType null: at the top of the tree
     * @param attributes null: none
     * @param path where the scope sits in the caller's document, e.g. {@code scopes[0].children[1]}; empty when
     *     the fields are at the top ({@code type}, {@code attributes.tier})
     * @return empty when the scope fits
     */
    public Optional<Misfit> check(String type, String parentType, Map<String, Object> attributes, String path) {
        String typeField = field(path, "type");
        Optional<Misfit> misfit = type(type, typeField);
        if (misfit.isEmpty()) {
            misfit = nesting(type, parentType, typeField);
        }
        return misfit.isPresent() ? misfit : attributes(type, attributes, field(path, "attributes"));
    }

    /**
     * Whether the schema declares scope type {@code type}.
     *
     * @param type null is not a type
     * @return a {@link Fault#TYPE} misfit at {@code field} when it does not
     */
    public Optional<Misfit> type(String type, String field) {
        if (type != null && schema.scopeTypes().contains(type)) {
            return Optional.empty();
        }
        return Optional.of(new Misfit(Fault.TYPE, field, "type must be one of " + schema.scopeTypes()));
    }

    /**
     * Whether a scope of {@code type} may be placed under a scope of {@code parentType} (null: at the top). An
     * unknown type may be placed nowhere.
     *
     * @return a {@link Fault#NESTING} misfit at {@code field} when it may not
     */
    public Optional<Misfit> nesting(String type, String parentType, String field) {
        if (type != null && schema.mayNest(parentType, type)) {
            return Optional.empty();
        }
        return Optional.of(new Misfit(Fault.NESTING, field, "A " + type + " may not be "
                + (parentType == null ? "at the top of the tree" : "under a " + parentType)));
    }

    /**
     * Whether {@code attributes} are declared for {@code type}, none null, each of its declared kind
     * ({@code boolean}, {@code number}, {@code string}); the first that is not, in the map's order, is the misfit.
     *
     * @param attributes null: none, which fits
     * @param field where the attributes are, e.g. {@code attributes}; the misfit's field is
     *     {@code field + "." + name}
     * @return a {@link Fault#ATTRIBUTE} misfit when one does not fit
     */
    public Optional<Misfit> attributes(String type, Map<String, Object> attributes, String field) {
        if (attributes == null) {
            return Optional.empty();
        }
        Map<String, String> declared = type == null ? Map.of() : schema.attributes(type);
        for (Map.Entry<String, Object> entry : attributes.entrySet()) {
            String name = entry.getKey();
            String kind = declared.get(name);
            String message = null;
            if (kind == null) {
                message = "Scope type " + type + " declares no attribute '" + name + "'; it declares "
                        + declared.keySet();
            } else if (entry.getValue() == null) {
                // a stored scope holds no nulls; leaving the attribute out is how to have none
                message = "Attribute '" + name + "' must not be null";
            } else if (!fits(kind, entry.getValue())) {
                message = "Attribute '" + name + "' must be a " + kind;
            }
            if (message != null) {
                return Optional.of(new Misfit(Fault.ATTRIBUTE, field + "." + name, message));
            }
        }
        return Optional.empty();
    }

    private static boolean fits(String kind, Object value) {
        return switch (kind) {
            case "boolean" -> value instanceof Boolean;
            case "number" -> value instanceof Number;
            case "string" -> value instanceof String;
            default -> false;
        };
    }

    private static String field(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }
}
