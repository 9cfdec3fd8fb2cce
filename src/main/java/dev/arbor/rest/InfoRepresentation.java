package dev.arbor.rest;

/** Body of {@code GET /realms/{realm}/tenancy/info}. */
record InfoRepresentation(Arbor arbor, String realm, Schema schema, Caller caller) {

    record Arbor(String version) {
    }

    /** Who asks: their user id and username, and whether they administer the realm (and so every scope). */
    record Caller(String userId, String username, boolean realmAdmin) {
    }

    /** {@code id}, {@code version} and {@code revision} are null until the realm has a schema. */
    record Schema(SchemaStatus status, String id, Integer version, Integer revision) {
    }

    /** Whether the realm has a tenancy schema; until it has one, every tenancy decision is a denial. */
    enum SchemaStatus {
        NOT_CONFIGURED,
        ACTIVE
    }
}
