package dev.arbor.client;

import dev.arbor.client.representations.NewScope;
import dev.arbor.client.representations.ScopeRepresentation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code tenancy/scopes}: creating scopes and listing those the caller may see. */
public interface ScopesResource {

    /**
     * Creates a scope (201) and answers it with its id. Needs the type's create permission at the parent; roots
     * and keys: realm administrators. The creator becomes holder of the type's creator role.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    ScopeRepresentation create(NewScope scope);

    /**
     * Children of {@code parentId}, or without it the top scopes the caller reaches, that the caller may see,
     * ordered by name. Every parameter may be null: {@code type} and {@code search} (in the name) filter,
     * {@code first} (from 0) and {@code max} (default 100, at most 1000) page.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    List<ScopeRepresentation> list(@QueryParam("parentId") String parentId, @QueryParam("type") String type,
            @QueryParam("search") String search, @QueryParam("first") Integer first,
            @QueryParam("max") Integer max);

    /** The one scope with {@code key} if the caller may see it; an empty list otherwise, as for a key nobody has. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    List<ScopeRepresentation> byKey(@QueryParam("key") String key);

    /** One scope; its calls answer 404 when the caller may not see it, as for one that does not exist. */
    @Path("{scopeId}")
    ScopeResource scope(@PathParam("scopeId") String scopeId);
}
