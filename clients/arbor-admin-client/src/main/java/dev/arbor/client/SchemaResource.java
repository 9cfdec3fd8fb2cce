package dev.arbor.client;

import dev.arbor.client.representations.SchemaInfo;
import dev.arbor.client.representations.Validation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code tenancy/schema}: the realm's tenancy schema, read by anyone of the realm, written by realm administrators.
 * A document is sent as text, JSON or YAML, as it is kept in a file.
 */
public interface SchemaResource {

    /** The schema in force; 404 while the realm has none. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    SchemaInfo get();

    /**
     * Stores {@code json} as a new revision; the same document again stores nothing. 400 lists every problem
     * (see {@link dev.arbor.client.representations.Validation}), 409 when existing data would not fit it.
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    SchemaInfo put(String json);

    /** {@link #put} of a schema written in YAML. */
    @PUT
    @Consumes("application/yaml")
    @Produces(MediaType.APPLICATION_JSON)
    SchemaInfo putYaml(String yaml);

    /** Checks {@code json} as {@link #put} would, storing nothing: problems and conflicts come back as the answer. */
    @POST
    @Path("validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Validation validate(String json);

    /** {@link #validate} of a schema written in YAML. */
    @POST
    @Path("validate")
    @Consumes("application/yaml")
    @Produces(MediaType.APPLICATION_JSON)
    Validation validateYaml(String yaml);
}
