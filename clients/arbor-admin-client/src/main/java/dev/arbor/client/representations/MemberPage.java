package dev.arbor.client.representations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One page of a scope's members.
 *
 * @param total how many members the caller may see there in all
 * @param complete whether the caller sees every member (false when they may see only themselves)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberPage(List<MemberRepresentation> members, long total, int first, int max, boolean complete) {
}
