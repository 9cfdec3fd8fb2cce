package dev.arbor.client;

import dev.arbor.client.representations.Affordances;
import dev.arbor.client.representations.MemberPage;
import dev.arbor.client.representations.RoleMatrix;
import dev.arbor.client.representations.ScopeRepresentation;
import dev.arbor.client.representations.ScopeUpdate;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code tenancy/scopes/{id}}: one scope, its members and their roles. */
public interface ScopeResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    ScopeRepresentation toRepresentation();

    /** Renames the scope or replaces its attributes; the type's update permission. */
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    ScopeRepresentation update(ScopeUpdate update);

    /**
     * Deletes the scope. One with children only when {@code cascade} is true, and then everything below it too,
     * which the caller must be allowed to delete each of; otherwise 409.
     */
    @DELETE
    void remove(@QueryParam("cascade") boolean cascade);

    /**
     * One page of the members, {@code first} from 0 and {@code max} (default 100, at most 1000), either null for
     * the default. A caller who may not list the members sees only their own membership.
     */
    @GET
    @Path("members")
    @Produces(MediaType.APPLICATION_JSON)
    MemberPage members(@QueryParam("first") Integer first, @QueryParam("max") Integer max);

    /**
     * The page of members after the cursor {@code after} (a page's {@link MemberPage#next()}; null for the first
     * page), {@code max} as for {@link #members}: one database query per page however far in, and a member who
     * joins meanwhile is neither listed twice nor makes another skipped.
     */
    @GET
    @Path("members")
    @Produces(MediaType.APPLICATION_JSON)
    MemberPage membersAfter(@QueryParam("after") String after, @QueryParam("max") Integer max);

    /** One user at this scope, member or not yet. */
    @Path("members/{userId}")
    MemberResource member(@PathParam("userId") String userId);

    /**
     * What the caller may do here and to the members of one page of {@link #members}, paged the same way: the
     * decisions the API makes when each action is tried.
     */
    @GET
    @Path("actions")
    @Produces(MediaType.APPLICATION_JSON)
    Affordances actions(@QueryParam("first") Integer first, @QueryParam("max") Integer max);

    /** The roles of this scope's type with the permissions a holder of each would have here. */
    @GET
    @Path("roles")
    @Produces(MediaType.APPLICATION_JSON)
    RoleMatrix roles();
}
