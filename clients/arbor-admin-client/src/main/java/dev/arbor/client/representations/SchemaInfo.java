package dev.arbor.client.representations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The schema in force: its stored revision, its own id and version, when and by whom it was stored.
 *
 * @param createdAt milliseconds since the epoch
 * @param document the schema document as JSON values (maps, lists, strings, numbers, booleans)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchemaInfo(int revision, String id, int version, long createdAt, String createdBy, Object document) {
}
