package dev.arbor.core;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A slice that holds one scope and nothing else: a slice that lacks the scope's ancestors. */
record OneScopeSlice(Scope only) implements TreeSlice {

    @Override
    public Optional<Scope> scope(String scopeId) {
        return only.id().equals(scopeId) ? Optional.of(only) : Optional.empty();
    }

    @Override
    public Optional<Membership> membership(String userId, String scopeId) {
        return Optional.empty();
    }

    @Override
    public Set<String> holders(String scopeId, String role) {
        return Set.of();
    }

    @Override
    public List<Membership> members(String scopeId) {
        return List.of();
    }

    @Override
    public List<Membership> membersBelow(String scopeId) {
        return List.of();
    }

    @Override
    public List<Scope> scopesBelow(String scopeId) {
        return List.of();
    }

    @Override
    public List<Membership> membershipsOf(String userId) {
        return List.of();
    }
}
