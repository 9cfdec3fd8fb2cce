package dev.arbor.store;

import java.util.List;

/**
 * One page of a scope's members, in user id order.
 *
 * @param total the scope's members, all pages together
 * @param lastUserId the user id the next page follows; null on the last page
 */
public record ListedMembers(List<Member> members, long total, String lastUserId) {

    /**
     * A member as listed: roles and options in name order.
     *
     * @param username null for a user Keycloak does not store itself (a federated store's): ask its user provider
     */
    public record Member(String userId, String username, List<String> roles, List<String> options) {
    }
}
