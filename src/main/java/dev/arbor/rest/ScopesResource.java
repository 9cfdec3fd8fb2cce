package dev.arbor.rest;

import dev.arbor.rest.Representations.CreateScope;
import dev.arbor.service.Views.ScopeRepresentation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/** {@code /tenancy/scopes}: creating scopes and listing those the caller may see. */
public final class ScopesResource {

    private final TenancyRequest request;

    ScopesResource(TenancyRequest request) {
        this.request = request;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        CreateScope input = Bodies.read(body, CreateScope.class);
        ScopeRepresentation created = request.tenancy.createScope(request.actor, input.type(), input.name(),
                input.parentId(), input.key(), input.attributes());
        URI location = request.session.getContext().getUri().getAbsolutePathBuilder().path(created.id()).build();
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
        return request.tenancy.listScopes(request.actor, parentId, type, search, key, paging.first(), paging.max());
    }

    /** One scope the caller may see; 404 for all others, found or not. */
    @Path("{scopeId}")
    public ScopeResource scope(@PathParam("scopeId") String scopeId) {
        return new ScopeResource(request, request.tenancy.visibleScope(request.actor, scopeId).id());
    }
}
