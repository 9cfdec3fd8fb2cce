package dev.arbor.service;

import dev.arbor.core.HolderLimit;
import dev.arbor.core.Holdings;
import dev.arbor.core.Membership;
import dev.arbor.core.Placement;
import dev.arbor.core.Policy;
import dev.arbor.core.Scope;
import dev.arbor.core.TenancySchema;
import dev.arbor.core.TreeSlice;
import dev.arbor.service.TenancyDocument.ImportResult;
import dev.arbor.service.TenancyDocument.MemberEntry;
import dev.arbor.service.TenancyDocument.ScopeNode;
import dev.arbor.store.StoredSchema;
import dev.arbor.store.TenancyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Everything a document would do, checked whole before any of it is done. */
final class ImportPlan {

    private record NewScope(String key, String type, String name, Map<String, Object> attributes,
            String parentKey) {
    }

    private record Grant(String userId, String scopeKey, String type, String role) {
    }

    private record Options(String userId, String scopeKey, Set<String> options) {
    }

    private final RealmTenancy tenancy;
    private final TenancySchema schema;
    private final Map<String, String> typeByKey = new HashMap<>();
    private final List<NewScope> creates = new ArrayList<>();
    private final Map<String, NewScope> updates = new LinkedHashMap<>();
    private final List<Grant> grants = new ArrayList<>();
    private final List<Options> options = new ArrayList<>();
    /** Users and existing scopes as found once, so that an import makes one lookup per name, not per entry. */
    private final Map<String, String> userIdByName = new HashMap<>();
    private final Map<String, String> idByKey = new HashMap<>();
    private final Map<String, Scope> existing = new HashMap<>();

    /** Looks up every scope key and username the document names at once: an import names thousands. */
    ImportPlan(RealmTenancy tenancy, TenancySchema schema, List<ScopeNode> roots, List<MemberEntry> members) {
        this.tenancy = tenancy;
        this.schema = schema;
        List<String> keys = new ArrayList<>();
        collectKeys(roots, keys);
        members.forEach(entry -> keys.add(entry.scope()));
        keys.removeIf(Objects::isNull);
        existing.putAll(tenancy.store.scopesByKeys(keys));
        userIdByName.putAll(tenancy.userIds(members.stream().map(MemberEntry::user)
                .filter(Objects::nonNull).distinct().toList()));
    }

    private static void collectKeys(List<ScopeNode> nodes, List<String> keys) {
        for (ScopeNode node : nodes) {
            keys.add(node.key());
            if (node.children() != null) {
                collectKeys(node.children(), keys);
            }
        }
    }

    void scope(ScopeNode node, String parentKey, String path) {
        if (node.key() == null || node.key().isBlank() || node.key().length() > 255) {
            throw TenancyException.invalid(path + ".key", "key is required (at most 255 characters)");
        }
        String ref = canonical(node.key());
        if (typeByKey.containsKey(ref)) {
            throw TenancyException.invalid(path + ".key", "key '" + node.key() + "' is used twice");
        }
        Placement placement = new Placement(schema);
        ScopeFields.require(placement.type(node.type(), path + ".type"));
        String parentType = parentKey == null ? null : typeByKey.get(parentKey);
        ScopeFields.require(placement.nesting(node.type(), parentType, path + ".type"));
        String name = ScopeFields.name(node.name(), path + ".name");
        ScopeFields.require(placement.attributes(node.type(), node.attributes(), path + ".attributes"));
        Map<String, Object> attributes = ScopeFields.attributes(node.attributes());
        typeByKey.put(ref, node.type());
        Scope scope = existing.get(node.key());
        if (scope != null) {
            idByKey.put(ref, scope.id());
            if (!scope.type().equals(node.type()) || !Objects.equals(scope.parentId(), parentKey)) {
                String existingParentKey = scope.parentId() == null ? null
                        : tenancy.store.keyOf(scope.parentId());
                throw TenancyException.conflict("Scope '" + node.key() + "' exists as a " + scope.type() + " under "
                        + existingParentKey + "; an import does not move or retype scopes", List.of(path));
            }
            if (!scope.name().equals(name) || !scope.attributes().equals(attributes)) {
                updates.put(ref, new NewScope(ref, node.type(), name, attributes, parentKey));
            }
        } else {
            creates.add(new NewScope(ref, node.type(), name, attributes, parentKey));
        }
        List<ScopeNode> children = node.children() == null ? List.of() : node.children();
        for (int i = 0; i < children.size(); i++) {
            scope(children.get(i), ref, path + ".children[" + i + "]");
        }
    }

    void member(MemberEntry entry, String path) {
        String userId = entry.user() == null ? null : userIdByName.get(entry.user());
        if (userId == null) {
            throw TenancyException.invalid(path + ".user", "Realm " + tenancy.realm.getName()
                    + " has no user '" + entry.user() + "'");
        }
        String ref = entry.scope() == null ? null : canonical(entry.scope());
        String type = ref == null ? null : typeByKey.get(ref);
        if (type == null && ref != null) {
            Scope scope = existing.get(entry.scope());
            if (scope != null) {
                type = scope.type();
                typeByKey.put(ref, type);
                idByKey.put(ref, scope.id());
            }
        }
        if (type == null) {
            throw TenancyException.invalid(path + ".scope", "No scope with key '" + entry.scope() + "'");
        }
        List<String> roles = entry.roles() == null ? List.of() : entry.roles();
        if (roles.isEmpty()) {
            throw TenancyException.invalid(path + ".roles", "roles must list at least one role");
        }
        Set<String> allowedOptions = new HashSet<>();
        for (int i = 0; i < roles.size(); i++) {
            if (!schema.roles(type).contains(roles.get(i))) {
                throw TenancyException.invalid(path + ".roles[" + i + "]", "Scope type " + type + " has no role '"
                        + roles.get(i) + "'");
            }
            allowedOptions.addAll(schema.optionalPermissions(type, roles.get(i)));
            grants.add(new Grant(userId, ref, type, roles.get(i)));
        }
        if (entry.options() != null) {
            for (int i = 0; i < entry.options().size(); i++) {
                if (!allowedOptions.contains(entry.options().get(i))) {
                    throw TenancyException.invalid(path + ".options[" + i + "]", "'" + entry.options().get(i)
                            + "' is not an optional permission of the roles listed");
                }
            }
            options.add(new Options(userId, ref, new LinkedHashSet<>(entry.options())));
        }
    }

    /** No role ends up with more holders than it allows, counting those already there. */
    void checkHolders() {
        Map<String, Set<String>> holders = new HashMap<>();
        for (Grant grant : grants) {
            HolderLimit limit = schema.holderLimit(grant.type(), grant.role());
            if (!limit.isBounded()) {
                continue;
            }
            String key = grant.scopeKey() + "\n" + grant.role();
            Set<String> users = holders.computeIfAbsent(key, k -> new HashSet<>(
                    Optional.ofNullable(idByKey.get(grant.scopeKey()))
                            .map(scopeId -> tenancy.store.slice().holders(scopeId, grant.role()))
                            .orElse(Set.of())));
            users.add(grant.userId());
            if (!limit.allows(users.size())) {
                throw TenancyException.conflict("Role " + grant.role() + " at scope '" + grant.scopeKey()
                        + "' would have " + users.size() + " holders; it allows " + limit.max(), List.of());
            }
        }
    }

    /**
     * What each user named would hold after the import (what they hold now and what the document gives them) breaks
     * none of the schema's rules on what one user may hold: exclusive role groups, scopes per user. The core judges
     * ({@link Holdings}), as it judges a grant through the API.
     */
    void checkHoldings() {
        if (!Holdings.anyIn(schema)) {
            return; // nothing to break: spare the import reading what every user of the document holds
        }
        TreeSlice slice = tenancy.store.slice();
        Map<String, List<Membership>> before = slice.membershipsOfUsers(grants.stream().map(Grant::userId).toList());
        Map<String, Map<String, Set<String>>> held = new LinkedHashMap<>();
        for (Grant grant : grants) {
            Map<String, Set<String>> byScope = held.computeIfAbsent(grant.userId(), user -> {
                Map<String, Set<String>> now = new LinkedHashMap<>();
                before.get(user).forEach(membership -> now.put(membership.scopeId(),
                        new LinkedHashSet<>(membership.roles())));
                return now;
            });
            byScope.computeIfAbsent(grant.scopeKey(), scope -> new LinkedHashSet<>()).add(grant.role());
        }
        List<Membership> memberships = new ArrayList<>();
        held.forEach((userId, byScope) -> byScope.forEach((scopeId, roles) -> memberships.add(
                new Membership(userId, scopeId, roles, Set.of()))));
        Map<String, Scope> planned = new HashMap<>();
        for (NewScope scope : creates) {
            List<String> ancestors = scope.parentKey() == null ? List.of()
                    : Optional.ofNullable(planned.get(scope.parentKey())).or(() -> slice.scope(scope.parentKey()))
                            .map(Scope::path).orElse(List.of());
            planned.put(scope.key(), new Scope(scope.key(), scope.type(), scope.name(), ancestors,
                    scope.attributes() == null ? Map.of() : scope.attributes()));
        }
        List<String> problems = Holdings.problems(schema,
                id -> Optional.ofNullable(planned.get(id)).or(() -> slice.scope(id)), memberships);
        if (!problems.isEmpty()) {
            throw TenancyException.conflict("The document gives users more than the schema lets one user hold",
                    problems);
        }
    }

    ImportResult apply(String schemaJson, Optional<StoredSchema> active, String userId) {
        int revision = active.map(StoredSchema::revision).orElse(0);
        if (schemaJson != null) {
            TenancySchema stored = schema;
            revision = tenancy.store.saveSchema(stored.id(), stored.version(), schemaJson,
                    userId).revision();
        }
        for (NewScope scope : creates) {
            String parentId = scope.parentKey() == null ? null : idOf(scope.parentKey());
            idByKey.put(scope.key(), tenancy.store.createScope(scope.type(), scope.name(), parentId,
                    scope.attributes(), scope.key()).id());
        }
        for (NewScope scope : updates.values()) {
            tenancy.store.updateScope(idOf(scope.key()), scope.name(), scope.attributes());
        }
        List<TenancyStore.Grant> toGive = new ArrayList<>(grants.size());
        for (Grant grant : grants) {
            toGive.add(new TenancyStore.Grant(grant.userId(), idOf(grant.scopeKey()), grant.role(),
                    schema.holderLimit(grant.type(), grant.role())));
        }
        Map<String, Set<String>> defaults = defaultOptions();
        int granted = tenancy.store.grantAll(toGive);
        int optionsSet = 0;
        for (Options change : options) {
            String scopeId = idOf(change.scopeKey());
            Set<String> current = tenancy.store.slice().membership(change.userId(), scopeId)
                    .map(Membership::options).orElse(Set.of());
            if (!current.equals(change.options())) {
                tenancy.store.setOptions(change.userId(), scopeId, change.options());
                optionsSet++;
            }
        }
        for (Map.Entry<String, Set<String>> given : defaults.entrySet()) {
            String[] member = given.getKey().split("\n", 2);
            Set<String> current = tenancy.store.slice().membership(member[0], member[1])
                    .map(Membership::options).orElse(Set.of());
            Set<String> options = new TreeSet<>(current);
            options.addAll(given.getValue());
            if (!options.equals(current)) {
                tenancy.store.setOptions(member[0], member[1], options);
                optionsSet++;
            }
        }
        boolean unchanged = schemaJson == null && creates.isEmpty() && updates.isEmpty() && granted == 0
                && optionsSet == 0;
        return new ImportResult(revision, creates.size(), updates.size(), granted, optionsSet, unchanged);
    }

    /**
     * The optional permissions the roles the document grants turn on (the core's {@link Policy#defaultOptions}), by
     * user and scope id, for memberships whose entries list no options: a document that lists them, as an export
     * does, says exactly which the member has. Read before the roles are granted: a role held already turns on
     * nothing.
     */
    private Map<String, Set<String>> defaultOptions() {
        Set<String> listed = new HashSet<>();
        options.forEach(change -> listed.add(change.userId() + "\n" + change.scopeKey()));
        Policy policy = new Policy(schema);
        TreeSlice slice = tenancy.store.slice();
        // the core reads what each user holds for every role with defaults: read those users' memberships at once
        slice.membershipsOfUsers(grants.stream().filter(grant -> schema.hasDefaultOptions(grant.type(), grant.role()))
                .map(Grant::userId).distinct().toList());
        Map<String, Set<String>> defaults = new LinkedHashMap<>();
        for (Grant grant : grants) {
            if (listed.contains(grant.userId() + "\n" + grant.scopeKey())) {
                continue;
            }
            String scopeId = idOf(grant.scopeKey());
            Set<String> given = policy.defaultOptions(grant.userId(), scopeId, grant.role(), slice);
            if (!given.isEmpty()) {
                defaults.computeIfAbsent(grant.userId() + "\n" + scopeId, key -> new TreeSet<>()).addAll(given);
            }
        }
        return defaults;
    }

    /**
     * One name per scope, however the document names it: an existing scope by its id (a document may name it by
     * key in one place and by id in another), a new one by its key. Limits of holders are counted per name.
     */
    private String canonical(String keyOrId) {
        Scope scope = existing.get(keyOrId);
        return scope == null ? keyOrId : scope.id();
    }

    private String idOf(String key) {
        return idByKey.computeIfAbsent(key, k -> tenancy.store.scopeByKey(k).orElseThrow().id());
    }
}
