package dev.arbor.client.representations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What checking a schema found, storing nothing.
 *
 * @param problems mistakes in the document, each with its path
 * @param conflicts existing data the document would not fit
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Validation(boolean valid, List<Problem> problems, List<String> conflicts) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Problem(String path, String message) {
    }
}
