package dev.arbor.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every tenancy decision, made from one schema over a {@link TreeSlice}: effective permissions, checks, who may
 * grant or revoke what, visibility. Deterministic and free of I/O; immutable and thread-safe.
 *
 * <p>Unknown scopes, roles and permissions are denials with reason {@link Decision.Reason#UNKNOWN}, never
 * exceptions; a slice that lacks an ancestor of a scope it holds is a programming error and throws
 * {@link IllegalArgumentException}.
 */
public final class Policy {

    private final TenancySchema schema;
    private final PermissionChecks checks;
    private final ScopeDecisions scopeDecisions;
    private final Delegation delegation;
    private final OptionDelegation optionDelegation;
    private final AffordanceCollector affordances;

    public Policy(TenancySchema schema) {
        this.schema = schema;
        this.checks = new PermissionChecks(schema);
        this.scopeDecisions = new ScopeDecisions(schema, checks);
        DelegationRules rules = new DelegationRules(schema);
        this.delegation = new Delegation(schema, rules);
        this.optionDelegation = new OptionDelegation(schema, rules);
        this.affordances = new AffordanceCollector(this);
    }

    public TenancySchema schema() {
        return schema;
    }

    /**
     * What {@code principal} may do at {@code scopeId}.
     *
     * @param explain whether to record the steps (off on the token path)
     * @return empty when the scope is not in the slice
     */
    public Optional<Access> access(Principal principal, String scopeId, TreeSlice tree, boolean explain) {
        Optional<Scope> scope = tree.scope(scopeId);
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        Trace trace = explain ? Trace.everything() : Trace.OFF;
        Evaluation evaluation = new Evaluation(schema, tree, principal.userId(), scope.get(), false, trace);
        BitSet permissions = evaluation.permissions();
        Optional<Membership> membership = tree.membership(principal.userId(), scopeId);
        List<String> roles = membership.map(m -> sorted(m.roles())).orElse(List.of());
        List<String> options = membership.map(m -> sorted(m.options()).stream()
                .filter(option -> {
                    int index = schema.catalog().indexOf(option);
                    return index >= 0 && permissions.get(index);
                })
                .toList()).orElse(List.of());
        return Optional.of(new Access(scopeId, roles, evaluation.actingRolesAtTarget(),
                schema.catalog().names(permissions), options, trace.lines()));
    }

    /** May {@code principal} do {@code permission} at {@code scopeId}? Always explained. */
    public Decision check(Principal principal, String scopeId, String permission, TreeSlice tree) {
        return check(principal, scopeId, permission, false, tree);
    }

    /**
     * As {@link #check(Principal, String, String, TreeSlice)}, for an action on a resource, which matters to
     * conditions on ownership.
     */
    public Decision check(Principal principal, String scopeId, String permission, boolean ownsResource,
            TreeSlice tree) {
        return checks.check(principal, scopeId, permission, ownsResource, tree);
    }

    /**
     * May {@code principal} do {@code permission} on something that spans several scopes (e.g. associate
     * departments of two customers)? Judged at their lowest common ancestor; {@code ownsResource} as for
     * {@link #check(Principal, String, String, boolean, TreeSlice)}.
     */
    public Decision checkAcross(Principal principal, Collection<String> scopeIds, String permission,
            boolean ownsResource, TreeSlice tree) {
        return checks.checkAcross(principal, scopeIds, permission, ownsResource, tree);
    }

    /**
     * May {@code actor} give {@code role} at {@code scopeId} to {@code targetUserId}? Used for direct grants, and
     * for invitations both when they are sent and when they are accepted.
     *
     * @param transfer whether the actor asks to take the role from its current holder if it is full
     */
    public Decision mayGrant(Principal actor, String targetUserId, String scopeId, String role, boolean transfer,
            TreeSlice tree) {
        return delegation.mayGrant(actor, targetUserId, scopeId, role, transfer, tree);
    }

    /**
     * May {@code actor} give {@code role} to {@code targetUserId} at {@code scopeId} in place of the role of its
     * exclusive group the user holds there? Needs the right to give both; see {@link #exclusivePeerHeld}.
     */
    public Decision mayReplace(Principal actor, String targetUserId, String scopeId, String role, TreeSlice tree) {
        return delegation.mayReplace(actor, targetUserId, scopeId, role, tree);
    }

    /** The role of {@code role}'s exclusive group that {@code userId} holds at {@code scopeId}, if any. */
    public Optional<String> exclusivePeerHeld(String userId, String scopeId, String role, TreeSlice tree) {
        return delegation.exclusivePeerHeld(userId, scopeId, role, tree);
    }

    /**
     * May {@code actor} give all of {@code roles} at {@code scopeId} to {@code targetUserId} at once, as an invitation
     * does? Each is judged as {@link #mayGrant} judges it, as if the ones before it were held already, so that an
     * offer of two roles of one exclusive group is refused as granting them one after the other would be.
     */
    public Decision mayGrantAll(Principal actor, String targetUserId, String scopeId, List<String> roles,
            TreeSlice tree) {
        return delegation.mayGrantAll(actor, targetUserId, scopeId, roles, tree);
    }

    /**
     * May {@code actor} take {@code role} at {@code scopeId} from {@code targetUserId}, and what goes with it?
     * Users may always give up their own roles, within the role's minimum.
     *
     * @param transfer part of a transfer: the minimum is kept by the new holder and nothing cascades
     */
    public Revocation mayRevoke(Principal actor, String targetUserId, String scopeId, String role, boolean transfer,
            TreeSlice tree) {
        return delegation.mayRevoke(actor, targetUserId, scopeId, role, transfer, tree);
    }

    /**
     * May {@code actor} set {@code targetUserId}'s optional permissions at {@code scopeId} to {@code options}?
     * Each must be optional for a role the target holds there, and the actor must be allowed to grant one of the
     * target's roles. Each option that changes is judged by the delegation rule of a role that carries it (not of
     * any role the target holds): enabling needs the right to grant that role, and the permission itself unless
     * the rule allows giving beyond one's own; disabling needs the right to revoke that role.
     */
    public Decision maySetOptions(Principal actor, String targetUserId, String scopeId, Set<String> options,
            TreeSlice tree) {
        return optionDelegation.maySetOptions(actor, targetUserId, scopeId, options, tree);
    }

    /**
     * May {@code principal} create a scope of {@code type} under {@code parentId} (null: at the top)? Needs the
     * type's {@code createPermission} at the parent; root scopes are for realm administrators. Whether the type
     * may be placed there at all is {@link Placement}.
     */
    public Decision mayCreateScope(Principal principal, String parentId, String type, TreeSlice tree) {
        return scopeDecisions.mayCreateScope(principal, parentId, type, tree);
    }

    /**
     * The role {@code principal} receives at a scope of {@code type} they create ({@code creatorRole}): granted with
     * the scope, not by delegation; empty when the type names none, and for realm administrators, who hold nothing.
     * {@link #mayCreateScope} has checked that the creator may hold it.
     */
    public Optional<String> creatorRole(Principal principal, String type) {
        return scopeDecisions.creatorRole(principal, type);
    }

    /**
     * The optional permissions {@code userId} is given with {@code role} at {@code scopeId} when it is granted: the
     * role's {@code defaults} whose constraints the user would meet there. Empty when the user holds the role already
     * (a grant that changes nothing gives back no option taken away) or the role or scope is unknown.
     */
    public Set<String> defaultOptions(String userId, String scopeId, String role, TreeSlice tree) {
        return optionDelegation.defaultOptions(userId, scopeId, role, tree);
    }

    /** May {@code principal} rename {@code scopeId} or change its attributes? Needs the type's updatePermission. */
    public Decision mayUpdateScope(Principal principal, String scopeId, TreeSlice tree) {
        return scopeDecisions.mayUpdateScope(principal, scopeId, tree);
    }

    /** May {@code principal} delete {@code scopeId}? Needs the type's deletePermission there. */
    public Decision mayDeleteScope(Principal principal, String scopeId, TreeSlice tree) {
        return scopeDecisions.mayDeleteScope(principal, scopeId, tree);
    }

    /**
     * May {@code principal} delete {@code scopeId} and, when {@code cascade}, every scope below it? A cascading
     * delete removes each of them, so it needs each one's deletePermission there, as the tree stands: a scope
     * sealed off from the caller, or of a type the caller may not delete, refuses the whole delete. Realm
     * administrators may.
     */
    public Decision mayDeleteScope(Principal principal, String scopeId, boolean cascade, TreeSlice tree) {
        return scopeDecisions.mayDeleteScope(principal, scopeId, cascade, tree);
    }

    /**
     * May {@code principal} act in {@code scopeId}, i.e. have it as the active scope of a session: a role there,
     * or permissions there by inheritance or vacancy.
     */
    public Decision mayActIn(Principal principal, String scopeId, TreeSlice tree) {
        return checks.mayActIn(principal, scopeId, tree);
    }

    /**
     * The scopes {@code principal} may make active: those where they hold a role, ordered by the names on their
     * paths (root first, then ids, so equal names keep a fixed order). Scopes reached only by inheritance are
     * left out; a session may still name them, but listing every descendant would not stay small.
     */
    public List<Scope> actableScopes(Principal principal, TreeSlice tree) {
        return actableScopes(principal, tree, Integer.MAX_VALUE);
    }

    /**
     * The first {@code atMost} of {@link #actableScopes(Principal, TreeSlice)}. The memberships' scopes are put in
     * order before any is checked, and the checks stop once {@code atMost} passed: the fifty scopes a userinfo
     * response lists of a user with a thousand memberships cost about fifty checks, not a thousand.
     */
    public List<Scope> actableScopes(Principal principal, TreeSlice tree, int atMost) {
        Set<String> seen = new HashSet<>();
        List<Listed> candidates = new ArrayList<>();
        for (Membership membership : tree.membershipsOf(principal.userId())) {
            if (seen.add(membership.scopeId())) {
                tree.scope(membership.scopeId()).ifPresent(scope -> candidates.add(
                        new Listed(pathNames(scope, tree), scope)));
            }
        }
        candidates.sort(Comparator.comparing(Listed::pathNames).thenComparing(listed -> listed.scope().id()));
        List<Scope> scopes = new ArrayList<>();
        for (int i = 0; i < candidates.size() && scopes.size() < atMost; i++) {
            Scope scope = candidates.get(i).scope();
            if (mayActIn(principal, scope.id(), tree).allowed()) {
                scopes.add(scope);
            }
        }
        return scopes;
    }

    /** A scope with the key it is listed by. */
    private record Listed(String pathNames, Scope scope) {
    }

    /**
     * The scope {@code principal} may make active when it is the only one ({@link #actableScopes}); empty when there
     * is none or more than one. Stops at the second, in no order, so a user of a thousand memberships whose session
     * names no scope costs a token two checks, not a thousand and a sort.
     */
    public Optional<Scope> onlyActableScope(Principal principal, TreeSlice tree) {
        Set<String> seen = new HashSet<>();
        Scope only = null;
        for (Membership membership : tree.membershipsOf(principal.userId())) {
            Optional<Scope> actable = seen.add(membership.scopeId()) ? tree.scope(membership.scopeId())
                    .filter(scope -> mayActIn(principal, scope.id(), tree).allowed()) : Optional.empty();
            if (actable.isPresent() && only != null) {
                return Optional.empty();
            }
            only = actable.orElse(only);
        }
        return Optional.ofNullable(only);
    }

    /** The names on {@code scope}'s path, root first, joined by a separator that sorts before any letter. */
    private static String pathNames(Scope scope, TreeSlice tree) {
        StringBuilder names = new StringBuilder();
        for (Scope step : tree.path(scope.id())) {
            names.append(step.name()).append('\u0000');
        }
        return names.toString();
    }

    /**
     * The permissions a user holding only {@code role} at {@code scopeId} would have there, as the tree stands
     * (inheritance, sealing and prerequisites included; optional permissions left out): one column of the
     * permission matrix a user interface shows.
     *
     * @return empty when the scope is not in the slice or its type has no such role
     */
    public Optional<List<String>> permissionsOfRole(String scopeId, String role, TreeSlice tree) {
        Optional<Scope> scope = tree.scope(scopeId);
        if (scope.isEmpty() || !schema.roles(scope.get().type()).contains(role)) {
            return Optional.empty();
        }
        String someone = "\u0000holder of " + role;
        TreeSlice hypothetical = new WithMembership(tree, new Membership(someone, scopeId, Set.of(role), Set.of()));
        BitSet permissions = new Evaluation(schema, hypothetical, someone, scope.get(), false, Trace.OFF)
                .permissions();
        return Optional.of(schema.catalog().names(permissions));
    }

    /**
     * What {@code principal} may do at {@code scopeId}, and to each of {@code memberIds} there: the answers of
     * {@link #mayUpdateScope}, {@link #mayDeleteScope}, {@link #mayCreateScope}, {@link #mayListMembers},
     * {@link #mayGrant} and {@link #mayRevoke}, collected for a user interface.
     *
     * @param newcomerId an id no member has, standing for someone invited by e-mail
     * @return empty when the scope is not in the slice
     */
    public Optional<Affordances> affordances(Principal principal, String scopeId, List<String> memberIds,
            String newcomerId, TreeSlice tree) {
        return affordances.collect(principal, scopeId, memberIds, newcomerId, tree);
    }

    /**
     * May {@code principal} withdraw a pending invitation to {@code scopeId} sent by {@code inviterId}? Its sender
     * may, and so may whoever administers the scope's members (realm administrators and member listers).
     */
    public Decision mayWithdrawInvitation(Principal principal, String scopeId, String inviterId, TreeSlice tree) {
        if (principal.userId().equals(inviterId)) {
            return Decision.allow(List.of("user " + principal.userId() + " sent the invitation"));
        }
        return mayListMembers(principal, scopeId, tree);
    }

    /** May {@code principal} see {@code scopeId} (in lists and breadcrumbs)? */
    public Decision maySee(Principal principal, String scopeId, TreeSlice tree) {
        return checks.maySee(principal, scopeId, tree);
    }

    /** May {@code principal} list the members of {@code scopeId}? Governed by the type's members permission. */
    public Decision mayListMembers(Principal principal, String scopeId, TreeSlice tree) {
        return scopeDecisions.mayListMembers(principal, scopeId, tree);
    }

    /** The members of {@code scopeId} that {@code principal} may see: all of them, or only their own. */
    public List<Membership> visibleMembers(Principal principal, String scopeId, TreeSlice tree) {
        if (mayListMembers(principal, scopeId, tree).allowed()) {
            return tree.members(scopeId);
        }
        return tree.membership(principal.userId(), scopeId).map(List::of).orElse(List.of());
    }

    private static List<String> sorted(Collection<String> values) {
        return new ArrayList<>(new TreeSet<>(values));
    }
}
