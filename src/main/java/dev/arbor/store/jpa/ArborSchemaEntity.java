package dev.arbor.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One stored revision of a realm's tenancy schema; the highest revision is in force. */
@Entity
@Table(name = "ARBOR_SCHEMA")
@NamedQueries({
    @NamedQuery(name = "arborSchema.latest",
            query = "select s from ArborSchemaEntity s where s.realmId = :realmId order by s.revision desc"),
    @NamedQuery(name = "arborSchema.deleteByRealm", query = "delete from ArborSchemaEntity s where s.realmId = :realmId")
})
public class ArborSchemaEntity {

    @Id
    @Column(name = "ID", length = 36)
    public String id;

    @Column(name = "REALM_ID", nullable = false, length = 36)
    public String realmId;

    @Column(name = "REVISION", nullable = false)
    public int revision;

    @Column(name = "SCHEMA_ID", nullable = false)
    public String schemaId;

    @Column(name = "SCHEMA_VERSION", nullable = false)
    public int schemaVersion;

    @Column(name = "DOCUMENT", nullable = false, columnDefinition = "TEXT")
    public String document;

    @Column(name = "CREATED_AT", nullable = false)
    public long createdAt;

    @Column(name = "CREATED_BY", length = 36)
    public String createdBy;
}
