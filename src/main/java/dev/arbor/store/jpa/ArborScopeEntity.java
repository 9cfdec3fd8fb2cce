package dev.arbor.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A node of a realm's tenant tree, with its ancestry stored so that no lookup walks the tree. */
@Entity
@Table(name = "ARBOR_SCOPE")
@NamedQueries({
    @NamedQuery(name = "arborScope.byIds",
            query = "select s from ArborScopeEntity s where s.realmId = :realmId and s.id in :ids"),
    @NamedQuery(name = "arborScope.countChildren",
            query = "select count(s) from ArborScopeEntity s where s.parentId = :parentId"),
    @NamedQuery(name = "arborScope.subtree", query = "select s from ArborScopeEntity s"
            + " where s.realmId = :realmId and s.ancestry like :prefix order by s.depth desc"),
    @NamedQuery(name = "arborScope.all",
            query = "select s from ArborScopeEntity s where s.realmId = :realmId order by s.depth, s.id"),
    @NamedQuery(name = "arborScope.byImportKey",
            query = "select s from ArborScopeEntity s where s.realmId = :realmId and s.importKey = :importKey"),
    @NamedQuery(name = "arborScope.deleteByRealm", query = "delete from ArborScopeEntity s where s.realmId = :realmId")
})
public class ArborScopeEntity {

    @Id
    @Column(name = "ID", length = 36)
    public String id;

    @Column(name = "REALM_ID", nullable = false, length = 36)
    public String realmId;

    @Column(name = "TYPE", nullable = false)
    public String type;

    @Column(name = "NAME", nullable = false)
    public String name;

    @Column(name = "PARENT_ID", length = 36)
    public String parentId;

    /** Ancestors' ids, root first, each followed by '/'; empty for a root. */
    @Column(name = "ANCESTRY", nullable = false, length = 3800)
    public String ancestry;

    @Column(name = "DEPTH", nullable = false)
    public int depth;

    /** JSON object of the scope's attributes, or null. */
    @Column(name = "ATTRIBUTES", columnDefinition = "TEXT")
    public String attributes;

    @Column(name = "CREATED_AT", nullable = false)
    public long createdAt;

    /** The scope's key in import files; null for scopes created through the API. */
    @Column(name = "IMPORT_KEY")
    public String importKey;
}
