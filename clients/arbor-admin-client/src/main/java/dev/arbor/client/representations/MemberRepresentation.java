package dev.arbor.client.representations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A user's roles and optional permissions at one scope, each list sorted. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberRepresentation(String userId, String username, List<String> roles, List<String> options) {
}
