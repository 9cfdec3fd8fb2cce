package dev.arbor.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A realm's tenancy schema, read and checked by {@link SchemaReader} and compiled for evaluation. Immutable and
 * safe to share between threads.
 */
public final class TenancySchema {

    private final String id;
    private final int version;
    private final String description;
    private final PermissionCatalog catalog;
    private final Map<String, ScopeType> types;
    private final List<Constraint> constraints;
    private final List<DelegationRule> delegation;
    private final List<Cascade> cascades;
    private final List<String> typeOrder;

    TenancySchema(String id, int version, String description, PermissionCatalog catalog, Map<String, ScopeType> types,
            List<Constraint> constraints, List<DelegationRule> delegation, List<Cascade> cascades) {
        this.id = id;
        this.version = version;
        this.description = description;
        this.catalog = catalog;
        this.types = Map.copyOf(types);
        this.typeOrder = List.copyOf(types.keySet());
        this.constraints = constraints;
        this.delegation = delegation;
        this.cascades = cascades;
    }

    public String id() {
        return id;
    }

    public int version() {
        return version;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** Scope type names in schema order. */
    public List<String> scopeTypes() {
        return typeOrder;
    }

    /** Role names of {@code type} in schema order (derived read-only variants follow their role); empty if none. */
    public List<String> roles(String type) {
        ScopeType scopeType = types.get(type);
        return scopeType == null ? List.of() : List.copyOf(scopeType.roles().keySet());
    }

    /** Whether a scope of {@code childType} may be created under a scope of {@code parentType} (null: at the root). */
    public boolean mayNest(String parentType, String childType) {
        ScopeType child = types.get(childType);
        if (child == null) {
            return false;
        }
        return parentType == null ? child.isRoot() : child.parents().contains(parentType);
    }

    /** Every permission the schema declares, sorted. */
    public List<String> permissions() {
        return catalog.all();
    }

    /** How many may hold {@code type.role} at one scope; unbounded when the type or role is unknown. Never null. */
    public HolderLimit holderLimit(String type, String role) {
        Role found = role(type, role);
        return found == null ? HolderLimit.unbounded() : found.holderLimit();
    }

    /** The owner role of {@code type}, if the type has one. */
    public Optional<String> ownerRole(String type) {
        ScopeType scopeType = types.get(type);
        return scopeType == null ? Optional.empty() : Optional.ofNullable(scopeType.owner());
    }

    /** The permissions a holder of {@code type.role} may be given individually; empty if none or unknown. */
    public List<String> optionalPermissions(String type, String role) {
        Role found = role(type, role);
        return found == null ? List.of() : catalog.names(found.optional());
    }

    /** Whether granting {@code type.role} turns optional permissions on by default; false if unknown. */
    public boolean hasDefaultOptions(String type, String role) {
        Role found = role(type, role);
        return found != null && !found.defaults().isEmpty();
    }

    /** The roles whose holders' members are removed with them when they are revoked, as {@code type.role}. */
    public List<String> cascadingRoles() {
        List<String> roles = new ArrayList<>();
        cascades.forEach(cascade -> roles.add(cascade.onRevoke().toString()));
        return roles;
    }

    /** Attribute names and kinds ({@code boolean}, {@code string}, {@code number}) declared for {@code type}. */
    public Map<String, String> attributes(String type) {
        ScopeType scopeType = types.get(type);
        return scopeType == null ? Map.of() : scopeType.attributes();
    }

    PermissionCatalog catalog() {
        return catalog;
    }

    ScopeType type(String name) {
        return types.get(name);
    }

    Role role(String type, String role) {
        ScopeType scopeType = types.get(type);
        return scopeType == null ? null : scopeType.roles().get(role);
    }

    Role role(RoleRef ref) {
        return role(ref.type(), ref.role());
    }

    List<Constraint> constraints() {
        return constraints;
    }

    List<DelegationRule> delegation() {
        return delegation;
    }

    List<Cascade> cascades() {
        return cascades;
    }

    Set<String> typeNames() {
        return types.keySet();
    }
}
