package dev.arbor.store;

import dev.arbor.core.Scope;
import dev.arbor.store.jpa.ArborMembershipEntity;
import dev.arbor.store.jpa.ArborScopeEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A realm's scopes: the tree's nodes, each with its ancestry stored, and their keys in import files. */
final class Scopes {

    private final StoreContext context;
    private final EntityManager em;
    private final String realmId;
    private final Memberships memberships;

    Scopes(StoreContext context, Memberships memberships) {
        this.context = context;
        this.em = context.em;
        this.realmId = context.realmId;
        this.memberships = memberships;
    }

    /** @param importKey the scope's key in an import file, or null */
    Scope create(String type, String name, String parentId, Map<String, Object> attributes, String importKey) {
        TreeChange change = context.changing();
        ArborScopeEntity row = new ArborScopeEntity();
        row.importKey = importKey;
        row.id = UUID.randomUUID().toString();
        change.scope(row.id);
        if (importKey != null) {
            change.scopeKey(importKey); // it may have found another scope by id until now
        }
        row.realmId = realmId;
        row.type = type;
        row.name = name;
        row.attributes = JsonText.writeAttributes(attributes);
        row.createdAt = System.currentTimeMillis();
        if (parentId == null) {
            row.ancestry = "";
            row.depth = 0;
        } else {
            ArborScopeEntity parent = row(parentId)
                    .orElseThrow(() -> new IllegalArgumentException("no parent scope " + parentId));
            row.parentId = parent.id;
            row.ancestry = Rows.ancestryBelow(parent);
            row.depth = parent.depth + 1;
        }
        if (importKey == null) {
            em.persist(row);
        } else {
            context.writes.persist(row, "another scope already has the key '" + importKey + "'");
        }
        context.changed();
        return Rows.scope(row);
    }

    /** Only the scope's own entry: the others' cached paths name it by id, and a rename keeps the id. */
    Scope update(String scopeId, String name, Map<String, Object> attributes) {
        context.changing().scope(scopeId);
        ArborScopeEntity row = row(scopeId).orElseThrow(() -> new IllegalArgumentException("no scope " + scopeId));
        if (name != null) {
            row.name = name;
        }
        if (attributes != null) {
            row.attributes = JsonText.writeAttributes(attributes);
        }
        context.changed();
        return Rows.scope(row);
    }

    /** By import key (one indexed lookup each), else by id (a batch per query); reads without flushing. */
    Map<String, Scope> byKeys(Collection<String> keys) {
        Map<String, Scope> found = new HashMap<>();
        List<String> byId = new ArrayList<>();
        for (String key : new LinkedHashSet<>(keys)) {
            em.createNamedQuery("arborScope.byImportKey", ArborScopeEntity.class)
                    .setFlushMode(FlushModeType.COMMIT)
                    .setParameter("realmId", realmId)
                    .setParameter("importKey", key)
                    .getResultList()
                    .forEach(row -> found.put(key, Rows.scope(row)));
            if (!found.containsKey(key)) {
                byId.add(key);
            }
        }
        for (List<String> batch : Writes.batches(byId)) {
            em.createNamedQuery("arborScope.byIds", ArborScopeEntity.class)
                    .setFlushMode(FlushModeType.COMMIT)
                    .setParameter("realmId", realmId)
                    .setParameter("ids", batch)
                    .getResultList()
                    .forEach(row -> found.putIfAbsent(row.id, Rows.scope(row)));
        }
        return found;
    }

    Optional<String> key(String scopeId) {
        return row(scopeId).map(row -> row.importKey);
    }

    String keyOf(String scopeId) {
        return row(scopeId).map(row -> row.importKey != null ? row.importKey : row.id).orElse(scopeId);
    }

    long countChildren(String scopeId) {
        return em.createNamedQuery("arborScope.countChildren", Long.class)
                .setParameter("parentId", scopeId)
                .getSingleResult();
    }

    List<Scope> children(String parentId, String type, String search, int first, int max) {
        StringBuilder query = new StringBuilder("select s from ArborScopeEntity s where s.realmId = :realmId and ")
                .append(parentId == null ? "s.parentId is null" : "s.parentId = :parentId");
        if (type != null) {
            query.append(" and s.type = :type");
        }
        if (search != null) {
            query.append(" and lower(s.name) like :search");
        }
        query.append(" order by s.name, s.id");
        var typed = em.createQuery(query.toString(), ArborScopeEntity.class).setParameter("realmId", realmId);
        if (parentId != null) {
            typed.setParameter("parentId", parentId);
        }
        if (type != null) {
            typed.setParameter("type", type);
        }
        if (search != null) {
            typed.setParameter("search", "%" + search.toLowerCase(Locale.ROOT) + "%");
        }
        return typed.setFirstResult(first).setMaxResults(max).getResultList().stream().map(Rows::scope).toList();
    }

    /** @return how many scopes were deleted, the scope included */
    int deleteSubtree(String scopeId) {
        TreeChange change = context.changing();
        ArborScopeEntity root = row(scopeId).orElseThrow(() -> new IllegalArgumentException("no scope " + scopeId));
        List<ArborScopeEntity> below = em.createNamedQuery("arborScope.subtree", ArborScopeEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("prefix", Rows.ancestryBelow(root) + "%")
                .getResultList();
        List<ArborScopeEntity> doomed = new ArrayList<>(below);
        doomed.add(root);
        for (ArborScopeEntity row : doomed) {
            change.scope(row.id).scopeKey(row.id);
            if (row.importKey != null) {
                change.scopeKey(row.importKey);
            }
        }
        for (ArborScopeEntity row : doomed) {
            memberships.delete(em.createNamedQuery("arborMembership.byScope", ArborMembershipEntity.class)
                    .setParameter("scopeId", row.id).getResultList());
        }
        for (ArborScopeEntity row : doomed) {
            em.remove(row);
            em.flush(); // children before parents, as the parent key requires
        }
        context.changed();
        return doomed.size();
    }

    /** Parents before children. */
    List<Scope> all() {
        return em.createNamedQuery("arborScope.all", ArborScopeEntity.class)
                .setParameter("realmId", realmId)
                .getResultList().stream().map(Rows::scope).toList();
    }

    /** Locks the scope and its ancestors: see {@link TenancyStore#lockPath}. */
    void lockPath(String scopeId) {
        context.forWriting();
        ArborScopeEntity row = row(scopeId).orElse(null);
        if (row == null) {
            return;
        }
        List<String> path = List.of(Rows.ancestryBelow(row).split("/")); // the ancestors' ids, then its own
        try {
            context.em.createQuery("select s from ArborScopeEntity s where s.id in :ids", ArborScopeEntity.class)
                    .setParameter("ids", path)
                    .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
        } catch (RuntimeException e) {
            if (Writes.isConflict(e)) {
                throw new ConflictException("other requests are changing this part of the tree; try again", e);
            }
            throw e;
        }
    }

    private Optional<ArborScopeEntity> row(String scopeId) {
        ArborScopeEntity row = em.find(ArborScopeEntity.class, scopeId);
        return row == null || !row.realmId.equals(realmId) ? Optional.empty() : Optional.of(row);
    }
}
