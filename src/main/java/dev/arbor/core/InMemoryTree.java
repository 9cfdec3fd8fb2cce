package dev.arbor.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A whole tree (or a slice of one) held in memory, built once and then read-only. */
public final class InMemoryTree implements TreeSlice {

    private final Map<String, Scope> scopes;
    private final Map<String, Map<String, Membership>> byScope;
    private final Map<String, List<Membership>> byUser;

    private InMemoryTree(Map<String, Scope> scopes, Map<String, Map<String, Membership>> byScope) {
        this.scopes = Map.copyOf(scopes);
        Map<String, Map<String, Membership>> scopeIndex = new HashMap<>();
        Map<String, List<Membership>> userIndex = new HashMap<>();
        byScope.forEach((scopeId, members) -> {
            scopeIndex.put(scopeId, Map.copyOf(members));
            members.values().forEach(m -> userIndex.computeIfAbsent(m.userId(), k -> new ArrayList<>()).add(m));
        });
        this.byScope = Map.copyOf(scopeIndex);
        userIndex.replaceAll((user, memberships) -> List.copyOf(memberships));
        this.byUser = Map.copyOf(userIndex);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<Scope> scope(String scopeId) {
        return Optional.ofNullable(scopes.get(scopeId));
    }

    @Override
    public Optional<Membership> membership(String userId, String scopeId) {
        return Optional.ofNullable(byScope.getOrDefault(scopeId, Map.of()).get(userId));
    }

    @Override
    public Set<String> holders(String scopeId, String role) {
        Set<String> holders = new TreeSet<>();
        byScope.getOrDefault(scopeId, Map.of()).values().stream()
                .filter(m -> m.roles().contains(role))
                .forEach(m -> holders.add(m.userId()));
        return holders;
    }

    @Override
    public List<Membership> members(String scopeId) {
        return sorted(byScope.getOrDefault(scopeId, Map.of()).values());
    }

    @Override
    public List<Membership> membersBelow(String scopeId) {
        List<Membership> below = new ArrayList<>();
        scopes.values().stream()
                .filter(scope -> scope.ancestors().contains(scopeId))
                .forEach(scope -> below.addAll(byScope.getOrDefault(scope.id(), Map.of()).values()));
        return sorted(below);
    }

    @Override
    public List<Scope> scopesBelow(String scopeId) {
        return scopes.values().stream()
                .filter(scope -> scope.ancestors().contains(scopeId))
                .sorted(Comparator.comparingInt((Scope scope) -> scope.ancestors().size()).thenComparing(Scope::id))
                .toList();
    }

    @Override
    public List<Membership> membershipsOf(String userId) {
        return sorted(byUser.getOrDefault(userId, List.of()));
    }

    private static List<Membership> sorted(java.util.Collection<Membership> memberships) {
        List<Membership> list = new ArrayList<>(memberships);
        list.sort(Comparator.comparing(Membership::scopeId).thenComparing(Membership::userId));
        return list;
    }

    /** Builds a tree top-down: a scope's parent must be added before it. */
    public static final class Builder {

        private final Map<String, Scope> scopes = new LinkedHashMap<>();
        private final Map<String, Map<String, Membership>> byScope = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder scope(String id, String type, String name, String parentId) {
            return scope(id, type, name, parentId, Map.of());
        }

        public Builder scope(String id, String type, String name, String parentId, Map<String, Object> attributes) {
            if (scopes.containsKey(id)) {
                throw new IllegalArgumentException("scope " + id + " added twice");
            }
            List<String> ancestors = new ArrayList<>();
            if (parentId != null) {
                Scope parent = scopes.get(parentId);
                if (parent == null) {
                    throw new IllegalArgumentException("parent " + parentId + " of " + id + " is not in the tree");
                }
                ancestors.addAll(parent.path());
            }
            scopes.put(id, new Scope(id, type, name, ancestors, attributes));
            return this;
        }

        /** Adds roles to what {@code userId} holds at {@code scopeId}. */
        public Builder member(String userId, String scopeId, String... roles) {
            return member(userId, scopeId, Set.of(roles), Set.of());
        }

        /** Adds roles and optional permissions to what {@code userId} holds at {@code scopeId}. */
        public Builder member(String userId, String scopeId, Set<String> roles, Set<String> options) {
            if (!scopes.containsKey(scopeId)) {
                throw new IllegalArgumentException("scope " + scopeId + " is not in the tree");
            }
            Map<String, Membership> members = byScope.computeIfAbsent(scopeId, k -> new LinkedHashMap<>());
            Membership existing = members.get(userId);
            Set<String> allRoles = new LinkedHashSet<>(roles);
            Set<String> allOptions = new LinkedHashSet<>(options);
            if (existing != null) {
                allRoles.addAll(existing.roles());
                allOptions.addAll(existing.options());
            }
            members.put(userId, new Membership(userId, scopeId, allRoles, allOptions));
            return this;
        }

        public InMemoryTree build() {
            return new InMemoryTree(scopes, byScope);
        }
    }
}
