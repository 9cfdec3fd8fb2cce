package dev.arbor.service;

import dev.arbor.core.Membership;
import dev.arbor.core.Placement;
import dev.arbor.core.Policy;
import dev.arbor.core.Scope;
import dev.arbor.core.TenancySchema;
import dev.arbor.core.TreeSlice;
import dev.arbor.service.Views.RoleChange;
import dev.arbor.service.Views.ScopeRepresentation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keycloak.events.admin.OperationType;

/** Creating, renaming, deleting and listing scopes. */
final class ScopeUseCases {

    /** How many children one database read fetches while a page of visible ones fills. */
    private static final int BATCH = 1000;

    private final RealmTenancy tenancy;

    ScopeUseCases(RealmTenancy tenancy) {
        this.tenancy = tenancy;
    }

    ScopeRepresentation create(Actor actor, String type, String rawName, String parentId, String key,
            Map<String, Object> rawAttributes) {
        if (key != null && !actor.realmAdmin()) {
            // keys are realm-wide names for import and export: a tenant could learn or squat another tenant's
            throw TenancyException.forbidden("key", "Only realm administrators give scopes a key");
        }
        Policy policy = tenancy.policy();
        TenancySchema schema = policy.schema();
        TreeSlice tree = tenancy.tree();
        Placement placement = new Placement(schema);
        ScopeFields.require(placement.type(type, "type"));
        String name = ScopeFields.name(rawName, "name");
        String parentType = null;
        if (parentId != null) {
            parentType = tenancy.scopeToChange(policy, actor, parentId, "parentId").type();
        }
        ScopeFields.require(placement.nesting(type, parentType, "parentId"));
        ScopeFields.require(placement.attributes(type, rawAttributes, "attributes"));
        var attributes = ScopeFields.attributes(rawAttributes);
        if (key != null && (key.isBlank() || key.length() > ScopeFields.MAX_NAME)) {
            throw TenancyException.invalid("key", "key must be 1 to " + ScopeFields.MAX_NAME + " characters");
        }
        RealmTenancy.require(policy.mayCreateScope(actor.principal(), parentId, type, tree));
        if (key != null && tenancy.store.scopeByKey(key).isPresent()) {
            throw TenancyException.conflict("Another scope already has the key '" + key + "'", List.of());
        }
        Scope scope = tenancy.store.createScope(type, name, parentId, attributes, key);
        ScopeRepresentation created = ScopeRepresentation.of(scope, tenancy.store);
        tenancy.audit(actor, OperationType.CREATE, created, "tenancy", "scopes", scope.id());
        // the creator's role comes with the scope, in this transaction; mayCreateScope checked they may hold it
        policy.creatorRole(actor.principal(), type).ifPresent(role -> {
            tenancy.grant(policy, actor.userId(), scope, role);
            tenancy.audit(actor, OperationType.UPDATE, new RoleChange(actor.userId(), scope.id(), role, false,
                    List.of()), "tenancy", "scopes", scope.id(), "members", actor.userId(), "roles", role);
        });
        return created;
    }

    ScopeRepresentation get(Actor actor, String scopeId) {
        return ScopeRepresentation.of(tenancy.visibleScope(tenancy.policy(), actor, scopeId, null), tenancy.store);
    }

    private static Map<String, Object> checkedAttributes(Policy policy, String type, Map<String, Object> attributes) {
        ScopeFields.require(new Placement(policy.schema()).attributes(type, attributes, "attributes"));
        return ScopeFields.attributes(attributes);
    }

    ScopeRepresentation update(Actor actor, String scopeId, String rawName, Map<String, Object> rawAttributes) {
        Policy policy = tenancy.policy();
        Scope scope = tenancy.scopeToChange(policy, actor, scopeId, null);
        String name = rawName == null ? null : ScopeFields.name(rawName, "name");
        Map<String, Object> attributes = rawAttributes == null ? null
                : checkedAttributes(policy, scope.type(), rawAttributes);
        RealmTenancy.require(policy.mayUpdateScope(actor.principal(), scope.id(), tenancy.tree()));
        Scope updated = tenancy.store.updateScope(scope.id(), name, attributes);
        ScopeRepresentation representation = ScopeRepresentation.of(updated, tenancy.store);
        tenancy.audit(actor, OperationType.UPDATE, representation, "tenancy", "scopes", scope.id());
        return representation;
    }

    void delete(Actor actor, String scopeId, boolean cascade) {
        Policy policy = tenancy.policy();
        Scope scope = tenancy.scopeToChange(policy, actor, scopeId, null);
        RealmTenancy.require(policy.mayDeleteScope(actor.principal(), scope.id(), cascade, tenancy.tree()));
        long children = tenancy.store.countChildren(scope.id());
        if (children > 0 && !cascade) {
            throw TenancyException.conflict("Scope " + scope.id() + " has " + children + " child scope(s); delete"
                    + " them first or ask for cascade=true", List.of());
        }
        int deleted = tenancy.store.deleteSubtree(scope.id());
        tenancy.audit(actor, OperationType.DELETE, Map.of("id", scope.id(), "deletedScopes", deleted),
                "tenancy", "scopes", scope.id());
    }

    List<ScopeRepresentation> list(Actor actor, String parentId, String type, String search, String key, int first,
            int max) {
        Policy policy = tenancy.policy();
        TreeSlice tree = tenancy.tree();
        if (key != null) {
            return tenancy.store.scopeByKey(key)
                    .filter(scope -> tenancy.store.key(scope.id()).isPresent())
                    .filter(scope -> policy.maySee(actor.principal(), scope.id(), tree).allowed())
                    .map(scope -> List.of(ScopeRepresentation.of(scope, tenancy.store))).orElse(List.of());
        }
        if (parentId != null) {
            tenancy.visibleScope(policy, actor, parentId, "parentId");
        }
        if (actor.realmAdmin()) {
            return tenancy.store.children(parentId, type, search, first, max).stream()
                    .map(scope -> ScopeRepresentation.of(scope, tenancy.store))
                    .toList();
        }
        if (parentId != null && holdsAtOrAbove(actor, tree, parentId)) {
            return visibleChildren(actor, policy, tree, parentId, type, search, first, max);
        }
        return onPathsToActor(actor, policy, tree, parentId, type, search, first, max);
    }

    /** Whether the actor is a member at {@code scopeId} or above it, whose roles may reach every child. */
    private static boolean holdsAtOrAbove(Actor actor, TreeSlice tree, String scopeId) {
        List<String> path = tree.scope(scopeId).map(Scope::path).orElse(List.of());
        return tree.membershipsOf(actor.userId()).stream()
                .anyMatch(membership -> path.contains(membership.scopeId()));
    }

    /**
     * A page of the children the actor may see, read from the database a batch at a time until the page is
     * full: an actor with a role above sees most of them, so this reads little more than the page.
     */
    private List<ScopeRepresentation> visibleChildren(Actor actor, Policy policy, TreeSlice tree, String parentId,
            String type, String search, int first, int max) {
        List<ScopeRepresentation> page = new ArrayList<>();
        int skip = first;
        for (int offset = 0; ; offset += BATCH) {
            List<Scope> batch = tenancy.store.children(parentId, type, search, offset, BATCH);
            for (Scope scope : batch) {
                if (!policy.maySee(actor.principal(), scope.id(), tree).allowed()) {
                    continue;
                }
                if (skip > 0) {
                    skip--;
                    continue;
                }
                page.add(ScopeRepresentation.of(scope, tenancy.store));
                if (page.size() == max) {
                    return page;
                }
            }
            if (batch.size() < BATCH) {
                return page;
            }
        }
    }

    /**
     * The children of {@code parentId} (null: the top scopes) on the way to the actor's memberships: all the
     * actor sees there when holding nothing at or above it. As many as the actor's memberships, so paged here. A
     * membership that gives no access (roles declared {@code access: none}) opens no path: the core's visibility
     * decides.
     */
    private List<ScopeRepresentation> onPathsToActor(Actor actor, Policy policy, TreeSlice tree, String parentId,
            String type, String search, int first, int max) {
        Set<String> tops = new LinkedHashSet<>();
        for (Membership membership : tree.membershipsOf(actor.userId())) {
            tree.scope(membership.scopeId()).ifPresent(scope -> {
                List<String> path = scope.path();
                int below = parentId == null ? 0 : path.indexOf(parentId) + 1;
                if ((parentId == null || below > 0) && below < path.size()) {
                    tops.add(path.get(below));
                }
            });
        }
        return tops.stream()
                .map(tree::scope).flatMap(Optional::stream)
                .filter(scope -> type == null || scope.type().equals(type))
                .filter(scope -> policy.maySee(actor.principal(), scope.id(), tree).allowed())
                .filter(scope -> search == null || scope.name().toLowerCase(Locale.ROOT)
                        .contains(search.toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparing(Scope::name).thenComparing(Scope::id))
                .skip(first).limit(max)
                .map(scope -> ScopeRepresentation.of(scope, tenancy.store))
                .toList();
    }
}
