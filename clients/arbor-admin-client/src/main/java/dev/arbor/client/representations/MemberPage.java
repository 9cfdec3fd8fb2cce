package dev.arbor.client.representations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One page of a scope's members.
 *
 * @param total how many members the caller may see there in all
 * @param complete whether the caller sees every member (false when they may see only themselves)
 * @param next the cursor of the next page, for {@link dev.arbor.client.ScopeResource#membersAfter}; null on the last
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberPage(List<MemberRepresentation> members, long total, int first, int max, boolean complete,
        String next) {
}
