package dev.arbor.client.representations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The answer of {@code POST /check}, denials included.
 *
 * @param reason why, as a code: {@code ALLOWED}, or the rule that denied (e.g. {@code NOT_PERMITTED})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Decision(boolean allowed, String reason, List<String> explanation) {
}
