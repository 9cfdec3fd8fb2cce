package dev.arbor.core;

import java.util.List;

/**
 * What a caller may do at one scope, action by action, so that a user interface offers exactly that: every
 * entry is the answer of the same decision the API makes when the action is tried.
 *
 * @param createChildren scope types the caller may create directly below
 * @param invite roles the caller may give someone who is not a member yet (by invitation)
 * @param members what the caller may do to each member asked about
 * @param takeBack the owner role, when the caller may take it back
 */
public record Affordances(String scopeId, boolean update, boolean delete, List<String> createChildren,
        boolean listMembers, List<String> invite, List<MemberAffordances> members, List<TakeBack> takeBack) {

    public Affordances {
        createChildren = List.copyOf(createChildren);
        invite = List.copyOf(invite);
        members = List.copyOf(members);
        takeBack = List.copyOf(takeBack);
    }

    /**
     * The scope's owner role, which the caller may take back from its holder even where sealing hides the members
     * (a SkyPort account owner taking a workspace back): who holds it, and how many memberships the cascade
     * removes with it, as a count, since the caller may not see them.
     */
    public record TakeBack(String role, String holderId, int removes) {
    }

    /**
     * @param grant roles the member lacks that the caller may give them
     * @param transfer roles that are full and that the caller may give the member by taking them from their holder
     * @param revoke roles the member holds that the caller may take back, with who would be removed with them
     */
    public record MemberAffordances(String userId, List<String> grant, List<String> transfer,
            List<RevokeAffordance> revoke) {

        public MemberAffordances {
            grant = List.copyOf(grant);
            transfer = List.copyOf(transfer);
            revoke = List.copyOf(revoke);
        }
    }

    /** A role that may be taken back, and the other users whose memberships the schema's cascade removes with it. */
    public record RevokeAffordance(String role, List<String> removes) {

        public RevokeAffordance {
            removes = List.copyOf(removes);
        }
    }
}
