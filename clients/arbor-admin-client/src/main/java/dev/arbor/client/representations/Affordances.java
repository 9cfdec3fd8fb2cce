package dev.arbor.client.representations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What the caller may do at one scope, action by action: the decisions the API makes when each is tried, so that a
 * user interface offers exactly those.
 *
 * @param createChildren scope types the caller may create directly below
 * @param invite roles the caller may offer by invitation
 * @param members what the caller may do to each member of the page asked about
 * @param takeBack the owner role, when the caller may take it back from its holder
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Affordances(String scopeId, boolean update, boolean delete, List<String> createChildren,
        boolean listMembers, List<String> invite, List<MemberAffordances> members, List<TakeBack> takeBack) {

    /** @param removes how many memberships the cascade removes with it */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TakeBack(String role, String holderId, int removes) {
    }

    /**
     * @param grant roles the member lacks that the caller may give
     * @param transfer full roles the caller may give by taking them from their holder
     * @param revoke roles the caller may take back
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MemberAffordances(String userId, List<String> grant, List<String> transfer,
            List<RevokeAffordance> revoke) {
    }

    /** @param removes the other users whose memberships the schema's cascade removes with the role */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RevokeAffordance(String role, List<String> removes) {
    }
}
