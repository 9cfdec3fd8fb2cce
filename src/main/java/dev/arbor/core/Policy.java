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
    private final Delegation delegation;

    public Policy(TenancySchema schema) {
        this.schema = schema;
        this.delegation = new Delegation(schema);
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
        int index = schema.catalog().indexOf(permission);
        if (index < 0) {
            return Decision.deny(Decision.Reason.UNKNOWN, List.of("the schema declares no permission " + permission));
        }
        Optional<Scope> scope = tree.scope(scopeId);
        if (scope.isEmpty()) {
            return unknownScope(scopeId);
        }
        Trace trace = Trace.focusedOn(index);
        boolean allowed = new Evaluation(schema, tree, principal.userId(), scope.get(), ownsResource, trace)
                .permissions().get(index);
        List<String> why = new ArrayList<>(trace.lines());
        if (allowed) {
            why.add(permission + " is allowed at " + scope.get().label());
            return Decision.allow(why);
        }
        if (why.isEmpty()) {
            why.add("user " + principal.userId() + " holds no role at or above " + scope.get().label()
                    + " that gives " + permission);
        }
        why.add(permission + " is denied at " + scope.get().label());
        return Decision.deny(Decision.Reason.NOT_PERMITTED, why);
    }

    /**
     * May {@code principal} do {@code permission} on something that spans several scopes (e.g. associate
     * departments of two customers)? Judged at their lowest common ancestor.
     */
    public Decision checkAcross(Principal principal, Collection<String> scopeIds, String permission,
            TreeSlice tree) {
        List<String> common = null;
        for (String scopeId : scopeIds) {
            Optional<Scope> scope = tree.scope(scopeId);
            if (scope.isEmpty()) {
                return Decision.deny(Decision.Reason.UNKNOWN, List.of("no scope " + scopeId));
            }
            List<String> path = scope.get().path();
            if (common == null) {
                common = path;
            } else {
                int shared = 0;
                while (shared < common.size() && shared < path.size() && common.get(shared).equals(path.get(shared))) {
                    shared++;
                }
                common = common.subList(0, shared);
            }
        }
        if (common == null || common.isEmpty()) {
            return Decision.deny(Decision.Reason.NO_COMMON_ANCESTOR,
                    List.of("scopes " + scopeIds + " share no ancestor"));
        }
        String ancestor = common.get(common.size() - 1);
        Decision decision = check(principal, ancestor, permission, tree);
        List<String> why = new ArrayList<>();
        why.add("scopes " + scopeIds + " are judged at their lowest common ancestor " + ancestor);
        why.addAll(decision.explanation());
        return new Decision(decision.allowed(), decision.reason(), why);
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
        return delegation.maySetOptions(actor, targetUserId, scopeId, options, tree);
    }

    /**
     * May {@code principal} create a scope of {@code type} under {@code parentId} (null: at the top)? Needs the
     * type's {@code createPermission} at the parent; root scopes are for realm administrators. Whether the type
     * may nest there at all is {@link TenancySchema#mayNest}.
     */
    public Decision mayCreateScope(Principal principal, String parentId, String type, TreeSlice tree) {
        ScopeType scopeType = schema.type(type);
        if (scopeType == null) {
            return Decision.deny(Decision.Reason.UNKNOWN, List.of("the schema declares no scope type " + type));
        }
        if (principal.realmAdmin()) {
            return realmAdministrator(principal);
        }
        if (parentId == null) {
            return Decision.deny(Decision.Reason.NOT_PERMITTED,
                    List.of("only realm administrators create scopes at the top of the tree"));
        }
        return checkNamed(principal, parentId, scopeType.createPermission(), "createPermission", type, tree);
    }

    /** May {@code principal} rename {@code scopeId} or change its attributes? Needs the type's updatePermission. */
    public Decision mayUpdateScope(Principal principal, String scopeId, TreeSlice tree) {
        return byTypePermission(principal, scopeId, tree, ScopeType::updatePermission, "updatePermission");
    }

    /** May {@code principal} delete {@code scopeId}? Needs the type's deletePermission there. */
    public Decision mayDeleteScope(Principal principal, String scopeId, TreeSlice tree) {
        return byTypePermission(principal, scopeId, tree, ScopeType::deletePermission, "deletePermission");
    }

    /**
     * May {@code principal} delete {@code scopeId} and, when {@code cascade}, every scope below it? A cascading
     * delete removes each of them, so it needs each one's deletePermission there, as the tree stands: a scope
     * sealed off from the caller, or of a type the caller may not delete, refuses the whole delete. Realm
     * administrators may.
     */
    public Decision mayDeleteScope(Principal principal, String scopeId, boolean cascade, TreeSlice tree) {
        Decision top = mayDeleteScope(principal, scopeId, tree);
        if (!cascade || !top.allowed() || principal.realmAdmin()) {
            return top;
        }
        List<Scope> below = tree.scopesBelow(scopeId);
        for (Scope scope : below) {
            Decision decision = mayDeleteScope(principal, scope.id(), tree);
            if (!decision.allowed()) {
                List<String> why = new ArrayList<>(top.explanation());
                why.add("deleting " + tree.scope(scopeId).map(Scope::label).orElse(scopeId) + " with everything"
                        + " below it would delete " + scope.label() + ", which user " + principal.userId()
                        + " may not:");
                why.addAll(decision.explanation());
                return Decision.deny(decision.reason(), why);
            }
        }
        List<String> why = new ArrayList<>(top.explanation());
        why.add("user " + principal.userId() + " may delete each of the " + below.size() + " scope(s) below it too");
        return Decision.allow(why);
    }

    /** Realm administrators may; others need the permission the scope's type names in {@code property}. */
    private Decision byTypePermission(Principal principal, String scopeId, TreeSlice tree,
            java.util.function.Function<ScopeType, String> permissionOf, String property) {
        Optional<Scope> scope = tree.scope(scopeId);
        if (scope.isEmpty()) {
            return unknownScope(scopeId);
        }
        if (principal.realmAdmin()) {
            return realmAdministrator(principal);
        }
        ScopeType type = schema.type(scope.get().type());
        return checkNamed(principal, scopeId, type == null ? null : permissionOf.apply(type), property,
                scope.get().type(), tree);
    }

    private Decision checkNamed(Principal principal, String scopeId, String permission, String property,
            String type, TreeSlice tree) {
        if (permission == null) {
            return Decision.deny(Decision.Reason.NOT_PERMITTED, List.of("scope type " + type + " names no " + property
                    + ", so only realm administrators may"));
        }
        return check(principal, scopeId, permission, tree);
    }

    private static Decision unknownScope(String scopeId) {
        return Decision.deny(Decision.Reason.UNKNOWN, List.of("no scope " + scopeId));
    }

    private static Decision realmAdministrator(Principal principal) {
        return Decision.allow(List.of("user " + principal.userId() + " is a realm administrator"));
    }

    /**
     * May {@code principal} act in {@code scopeId}, i.e. have it as the active scope of a session: a role there,
     * or permissions there by inheritance or vacancy.
     */
    public Decision mayActIn(Principal principal, String scopeId, TreeSlice tree) {
        Optional<Scope> scope = tree.scope(scopeId);
        if (scope.isEmpty()) {
            return unknownScope(scopeId);
        }
        if (tree.membership(principal.userId(), scopeId).isPresent()) {
            return Decision.allow(List.of("user " + principal.userId() + " holds a role at " + scope.get().label()));
        }
        BitSet permissions = new Evaluation(schema, tree, principal.userId(), scope.get(), false, Trace.OFF)
                .permissions();
        return permissions.isEmpty()
                ? Decision.deny(Decision.Reason.NOT_PERMITTED, List.of("user " + principal.userId()
                        + " has neither a role nor any permission at " + scope.get().label()))
                : Decision.allow(List.of("user " + principal.userId() + " has permissions at " + scope.get().label()
                        + " from roles above it"));
    }

    /**
     * The scopes {@code principal} may make active: those where they hold a role, ordered by the names on their
     * paths (root first, then ids, so equal names keep a fixed order). Scopes reached only by inheritance are
     * left out; a session may still name them, but listing every descendant would not stay small.
     */
    public List<Scope> actableScopes(Principal principal, TreeSlice tree) {
        Set<String> seen = new HashSet<>();
        List<Scope> scopes = new ArrayList<>();
        for (Membership membership : tree.membershipsOf(principal.userId())) {
            if (seen.add(membership.scopeId())) {
                tree.scope(membership.scopeId())
                        .filter(scope -> mayActIn(principal, scope.id(), tree).allowed())
                        .ifPresent(scopes::add);
            }
        }
        scopes.sort(Comparator.comparing((Scope scope) -> pathNames(scope, tree))
                .thenComparing(Scope::id));
        return scopes;
    }

    /** The names on {@code scope}'s path, root first, joined by a separator that sorts before any letter. */
    private static String pathNames(Scope scope, TreeSlice tree) {
        StringBuilder names = new StringBuilder();
        for (String id : scope.path()) {
            names.append(tree.scope(id).map(Scope::name).orElse(id)).append('\u0000');
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
        Optional<Scope> scope = tree.scope(scopeId);
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        List<String> roles = schema.roles(scope.get().type());
        List<String> children = new ArrayList<>();
        for (String type : schema.scopeTypes()) {
            if (schema.mayNest(scope.get().type(), type) && mayCreateScope(principal, scopeId, type, tree).allowed()) {
                children.add(type);
            }
        }
        List<String> invite = roles.stream()
                .filter(role -> mayGrant(principal, newcomerId, scopeId, role, false, tree).allowed()).toList();
        List<Affordances.MemberAffordances> members = new ArrayList<>();
        for (String memberId : memberIds) {
            Set<String> held = tree.membership(memberId, scopeId).map(Membership::roles).orElse(Set.of());
            List<String> grant = new ArrayList<>();
            List<String> transfer = new ArrayList<>();
            List<Affordances.RevokeAffordance> revoke = new ArrayList<>();
            for (String role : roles) {
                if (held.contains(role)) {
                    Revocation revocation = mayRevoke(principal, memberId, scopeId, role, false, tree);
                    if (revocation.allowed()) {
                        revoke.add(new Affordances.RevokeAffordance(role, revocation.cascade().stream()
                                .map(Membership::userId).filter(id -> !id.equals(memberId)).distinct().sorted()
                                .toList()));
                    }
                } else if (mayGrant(principal, memberId, scopeId, role, false, tree).allowed()) {
                    grant.add(role);
                } else if (mayGrant(principal, memberId, scopeId, role, true, tree).allowed()) {
                    transfer.add(role);
                }
            }
            members.add(new Affordances.MemberAffordances(memberId, grant, transfer, revoke));
        }
        List<Affordances.TakeBack> takeBack = new ArrayList<>();
        Optional<String> owner = schema.ownerRole(scope.get().type());
        if (owner.isPresent()) {
            for (String holder : new TreeSet<>(tree.holders(scopeId, owner.get()))) {
                if (holder.equals(principal.userId())) {
                    continue; // giving up one's own role is no take-back; the member row offers it, cascade-free
                }
                Revocation revocation = mayRevoke(principal, holder, scopeId, owner.get(), false, tree);
                if (revocation.allowed()) {
                    takeBack.add(new Affordances.TakeBack(owner.get(), holder, (int) revocation.cascade().stream()
                            .filter(membership -> !membership.userId().equals(holder)).count()));
                }
            }
        }
        return Optional.of(new Affordances(scopeId, mayUpdateScope(principal, scopeId, tree).allowed(),
                mayDeleteScope(principal, scopeId, tree).allowed(), children,
                mayListMembers(principal, scopeId, tree).allowed(), invite, members, takeBack));
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
        Optional<Scope> scope = tree.scope(scopeId);
        if (scope.isEmpty()) {
            return unknownScope(scopeId);
        }
        if (principal.realmAdmin()) {
            return realmAdministrator(principal);
        }
        for (Membership membership : tree.membershipsOf(principal.userId())) {
            Optional<Scope> held = tree.scope(membership.scopeId());
            if (held.isPresent() && held.get().ancestors().contains(scopeId)) {
                return Decision.allow(List.of("user " + principal.userId() + " is a member of "
                        + held.get().label() + ", below it"));
            }
        }
        BitSet permissions = new Evaluation(schema, tree, principal.userId(), scope.get(), false, Trace.OFF)
                .permissions();
        if (!permissions.isEmpty() || tree.membership(principal.userId(), scopeId).isPresent()) {
            return Decision.allow(List.of("user " + principal.userId() + " holds a role at or above "
                    + scope.get().label()));
        }
        return Decision.deny(Decision.Reason.NOT_PERMITTED, List.of("user " + principal.userId()
                + " has no role at, above or below " + scope.get().label()));
    }

    /** May {@code principal} list the members of {@code scopeId}? Governed by the type's members permission. */
    public Decision mayListMembers(Principal principal, String scopeId, TreeSlice tree) {
        return byTypePermission(principal, scopeId, tree, ScopeType::membersPermission, "membersPermission");
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
