package dev.arbor.client.representations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A scope named in another answer: its id, type and name. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScopeRef(String id, String type, String name) {
}
