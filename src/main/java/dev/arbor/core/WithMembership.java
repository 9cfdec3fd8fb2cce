package dev.arbor.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A slice with one membership in place of what the slice holds for that user and scope (more roles, or fewer), for
 * asking what a change would give without storing anything.
 */
final class WithMembership implements TreeSlice {

    private final TreeSlice tree;
    private final Membership added;

    WithMembership(TreeSlice tree, Membership added) {
        this.tree = tree;
        this.added = added;
    }

    @Override
    public Optional<Scope> scope(String scopeId) {
        return tree.scope(scopeId);
    }

    @Override
    public Optional<Membership> membership(String userId, String scopeId) {
        return isAdded(userId, scopeId) ? Optional.of(added) : tree.membership(userId, scopeId);
    }

    @Override
    public Set<String> holders(String scopeId, String role) {
        if (!added.scopeId().equals(scopeId)) {
            return tree.holders(scopeId, role);
        }
        Set<String> holders = new HashSet<>(tree.holders(scopeId, role));
        if (added.roles().contains(role)) {
            holders.add(added.userId());
        } else {
            holders.remove(added.userId());
        }
        return holders;
    }

    @Override
    public List<Membership> members(String scopeId) {
        return added.scopeId().equals(scopeId) ? plusAdded(tree.members(scopeId)) : tree.members(scopeId);
    }

    @Override
    public List<Membership> membersBelow(String scopeId) {
        boolean below = tree.scope(added.scopeId()).map(scope -> scope.ancestors().contains(scopeId)).orElse(false);
        return below ? plusAdded(tree.membersBelow(scopeId)) : tree.membersBelow(scopeId);
    }

    @Override
    public List<Scope> scopesBelow(String scopeId) {
        return tree.scopesBelow(scopeId);
    }

    @Override
    public List<Membership> membershipsOf(String userId) {
        return added.userId().equals(userId) ? plusAdded(tree.membershipsOf(userId)) : tree.membershipsOf(userId);
    }

    private boolean isAdded(String userId, String scopeId) {
        return added.userId().equals(userId) && added.scopeId().equals(scopeId);
    }

    private List<Membership> plusAdded(List<Membership> memberships) {
        List<Membership> all = new ArrayList<>(memberships);
        all.removeIf(each -> isAdded(each.userId(), each.scopeId()));
        all.add(added);
        return all;
    }
}
