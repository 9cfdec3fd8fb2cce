package dev.arbor.client.representations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What the server runs, whether the realm has a schema, and who asks ({@code GET /info}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TenancyInfo(Arbor arbor, String realm, Schema schema, Caller caller) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Arbor(String version) {
    }

    /** @param realmAdmin whether the caller administers the realm, and so acts above every scope */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Caller(String userId, String username, boolean realmAdmin) {
    }

    /**
     * @param status {@code ACTIVE}, or {@code NOT_CONFIGURED} until the realm has a schema (when {@code id},
     *     {@code version} and {@code revision} are null)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Schema(String status, String id, Integer version, Integer revision) {
    }
}
