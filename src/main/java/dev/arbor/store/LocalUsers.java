package dev.arbor.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Usernames and ids of the realm's users that Keycloak stores itself, read in bulk and without flushing (an import
 * or a page of members names thousands). Users of a federated store are not among them.
 */
final class LocalUsers {

    private final EntityManager em;
    private final String realmId;

    LocalUsers(StoreContext context) {
        this.em = context.em;
        this.realmId = context.realmId;
    }

    /** One indexed lookup per username. */
    Map<String, String> idsByUsername(Collection<String> usernames) {
        Map<String, String> ids = new HashMap<>();
        for (String username : new LinkedHashSet<>(usernames)) {
            em.createQuery("select u.id from UserEntity u where u.realmId = :realmId and u.username = :username",
                            String.class)
                    .setFlushMode(FlushModeType.COMMIT)
                    .setParameter("realmId", realmId)
                    .setParameter("username", username.toLowerCase(Locale.ROOT))
                    .getResultList()
                    .forEach(id -> ids.put(username, id));
        }
        return ids;
    }

    /** A batch of ids per query, by primary key. */
    Map<String, String> usernamesById(Collection<String> userIds) {
        Map<String, String> usernames = new HashMap<>();
        for (List<String> batch : Writes.batches(List.copyOf(new LinkedHashSet<>(userIds)))) {
            em.createQuery("select u.id, u.username, u.realmId from UserEntity u where u.id in :ids", Object[].class)
                    .setFlushMode(FlushModeType.COMMIT)
                    .setParameter("ids", batch)
                    .getResultList().stream()
                    .filter(row -> realmId.equals(row[2]))
                    .forEach(row -> usernames.put((String) row[0], (String) row[1]));
        }
        return usernames;
    }
}
