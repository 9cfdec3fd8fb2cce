package dev.arbor.client.representations;

import java.util.List;

/** The body of {@code PUT /scopes/{id}/members/{userId}/options}: the member's optional permissions, replaced. */
public record OptionsChange(List<String> options) {
}
