package dev.arbor.rest;

import dev.arbor.core.Membership;
import dev.arbor.core.Policy;
import dev.arbor.core.Scope;
import dev.arbor.core.TenancySchema;
import dev.arbor.core.TreeSlice;
import dev.arbor.rest.Representations.CreateScope;
import dev.arbor.rest.Representations.ScopeRepresentation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.keycloak.events.admin.OperationType;

/** {@code /tenancy/scopes}: creating scopes and listing those the caller may see. */
public final class ScopesResource {

    private static final int MAX_NAME = 255;

    private final TenancyRequest request;

    ScopesResource(TenancyRequest request) {
        this.request = request;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        CreateScope input = Bodies.read(body, CreateScope.class);
        if (input.key() != null && !request.principal.realmAdmin()) {
            // keys are realm-wide names for import and export: a tenant could learn or squat another tenant's
            throw ApiException.refused(Response.Status.FORBIDDEN, "key",
                    "Only realm administrators give scopes a key");
        }
        if (input.parentId() != null) {
            request.lockPath(input.parentId());
        }
        Policy policy = request.policy();
        TenancySchema schema = policy.schema();
        TreeSlice tree = request.store.slice();
        if (input.type() == null || !schema.scopeTypes().contains(input.type())) {
            throw ApiException.badRequest("type", "type must be one of " + schema.scopeTypes());
        }
        String name = requireName(input.name());
        String parentType = null;
        if (input.parentId() != null) {
            parentType = visibleScope(policy, request, input.parentId(), "parentId").type();
        }
        if (!schema.mayNest(parentType, input.type())) {
            throw ApiException.badRequest("parentId", "A " + input.type() + " may not be created "
                    + (parentType == null ? "at the top of the tree" : "under a " + parentType));
        }
        var attributes = Attributes.checked(schema, input.type(), input.attributes());
        if (input.key() != null && (input.key().isBlank() || input.key().length() > MAX_NAME)) {
            throw ApiException.badRequest("key", "key must be 1 to " + MAX_NAME + " characters");
        }
        TenancyRequest.require(policy.mayCreateScope(request.principal, input.parentId(), input.type(), tree));
        if (input.key() != null && request.store.scopeByKey(input.key()).isPresent()) {
            throw ApiException.conflict("Another scope already has the key '" + input.key() + "'", List.of());
        }
        Scope scope;
        try {
            scope = request.store.createScope(input.type(), name, input.parentId(), attributes, input.key());
        } catch (dev.arbor.store.ConflictException e) {
            throw ApiException.conflict(e.getMessage(), List.of());
        }
        ScopeRepresentation created = ScopeRepresentation.of(scope, request.store);
        request.audit(OperationType.CREATE, created, "tenancy", "scopes", scope.id());
        URI location = request.session.getContext().getUri().getAbsolutePathBuilder().path(scope.id()).build();
        return Response.created(location).entity(created).build();
    }

    /**
     * Children of {@code parentId}, or without it the top scopes the caller reaches; only what the caller may
     * see, ordered by name, in full pages. With {@code key}, the one scope that has that key, if the caller may
     * see it (nothing otherwise, as for a key nobody has).
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ScopeRepresentation> list(@QueryParam("parentId") String parentId, @QueryParam("type") String type,
            @QueryParam("search") String search, @QueryParam("key") String key, @QueryParam("first") Integer first,
            @QueryParam("max") Integer max) {
        Paging paging = Paging.of(first, max);
        Policy policy = request.policy();
        TreeSlice tree = request.store.slice();
        if (key != null) {
            return request.store.scopeByKey(key)
                    .filter(scope -> request.store.key(scope.id()).isPresent())
                    .filter(scope -> policy.maySee(request.principal, scope.id(), tree).allowed())
                    .map(scope -> List.of(ScopeRepresentation.of(scope, request.store))).orElse(List.of());
        }
        if (parentId != null) {
            visibleScope(policy, request, parentId, "parentId");
        }
        if (request.principal.realmAdmin()) {
            return request.store.children(parentId, type, search, paging.first(), paging.max()).stream()
                    .map(scope -> ScopeRepresentation.of(scope, request.store))
                    .toList();
        }
        if (parentId != null && holdsAtOrAbove(tree, parentId)) {
            return visibleChildren(policy, tree, parentId, type, search, paging);
        }
        return onPathsToCaller(tree, parentId, type, search, paging);
    }

    @Path("{scopeId}")
    public ScopeResource scope(@PathParam("scopeId") String scopeId) {
        if (request.writes) {
            request.lockPath(scopeId);
        }
        Policy policy = request.policy();
        Scope scope = visibleScope(policy, request, scopeId, null);
        return new ScopeResource(request, policy, scope);
    }

    /**
     * The scope, or 404 both when it does not exist and when the caller may not see it (400 naming {@code field}
     * when the id came in a body or query).
     */
    static Scope visibleScope(Policy policy, TenancyRequest request, String scopeId, String field) {
        TreeSlice tree = request.store.slice();
        Optional<Scope> scope = tree.scope(scopeId);
        if (scope.isEmpty() || !policy.maySee(request.principal, scopeId, tree).allowed()) {
            throw field == null ? ApiException.notFound("No scope " + scopeId)
                    : ApiException.badRequest(field, "No scope " + scopeId);
        }
        return scope.get();
    }

    /** Whether the caller is a member at {@code scopeId} or above it, whose roles may reach every child. */
    private boolean holdsAtOrAbove(TreeSlice tree, String scopeId) {
        List<String> path = tree.scope(scopeId).map(Scope::path).orElse(List.of());
        return tree.membershipsOf(request.principal.userId()).stream()
                .anyMatch(membership -> path.contains(membership.scopeId()));
    }

    /**
     * A page of the children the caller may see, read from the database a batch at a time until the page is
     * full: a caller with a role above sees most of them, so this reads little more than the page.
     */
    private List<ScopeRepresentation> visibleChildren(Policy policy, TreeSlice tree, String parentId, String type,
            String search, Paging paging) {
        List<ScopeRepresentation> page = new ArrayList<>();
        int skip = paging.first();
        for (int offset = 0; ; offset += Paging.LIMIT) {
            List<Scope> batch = request.store.children(parentId, type, search, offset, Paging.LIMIT);
            for (Scope scope : batch) {
                if (!policy.maySee(request.principal, scope.id(), tree).allowed()) {
                    continue;
                }
                if (skip > 0) {
                    skip--;
                    continue;
                }
                page.add(ScopeRepresentation.of(scope, request.store));
                if (page.size() == paging.max()) {
                    return page;
                }
            }
            if (batch.size() < Paging.LIMIT) {
                return page;
            }
        }
    }

    /**
     * The children of {@code parentId} (null: the top scopes) on the way to the caller's memberships: all the
     * caller sees there when holding nothing at or above it. As many as the caller's memberships, so paged here.
     */
    private List<ScopeRepresentation> onPathsToCaller(TreeSlice tree, String parentId, String type, String search,
            Paging paging) {
        Set<String> tops = new LinkedHashSet<>();
        for (Membership membership : tree.membershipsOf(request.principal.userId())) {
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
                .filter(scope -> search == null || scope.name().toLowerCase(java.util.Locale.ROOT)
                        .contains(search.toLowerCase(java.util.Locale.ROOT)))
                .sorted(Comparator.comparing(Scope::name).thenComparing(Scope::id))
                .skip(paging.first()).limit(paging.max())
                .map(scope -> ScopeRepresentation.of(scope, request.store))
                .toList();
    }

    static String requireName(String name) {
        return requireName(name, "name");
    }

    static String requireName(String name, String field) {
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest(field, "name is required");
        }
        if (name.length() > MAX_NAME) {
            throw ApiException.badRequest(field, "name is longer than " + MAX_NAME + " characters");
        }
        return name.strip();
    }
}
