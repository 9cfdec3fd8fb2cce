package dev.arbor.store;

import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;
import org.infinispan.protostream.annotations.ProtoTypeId;
import org.keycloak.cluster.ClusterEvent;

/** Sent to the other nodes after a transaction changed a realm's tenancy: drop what you cached of it. */
@ProtoTypeId(TreeChanged.PROTO_TYPE_ID)
public final class TreeChanged implements ClusterEvent {

    /** Outside the ranges Infinispan and Keycloak use for their own messages. */
    static final int PROTO_TYPE_ID = 7_410_001;

    private final String realmId;

    @ProtoFactory
    public TreeChanged(String realmId) {
        this.realmId = realmId;
    }

    @ProtoField(1)
    public String getRealmId() {
        return realmId;
    }
}
