package dev.arbor.store;

import java.util.ArrayList;
import java.util.List;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;
import org.infinispan.protostream.annotations.ProtoTypeId;
import org.keycloak.cluster.ClusterEvent;

/**
 * Sent to the other nodes after a transaction changed a realm's tenancy: drop what you cached of what it names
 * ({@link TreeChange}). Nothing named means the whole realm, which is also what an older node sends (it knows only
 * field 1) during a rolling upgrade; an older node skips the fields it does not know and drops the realm.
 */
@ProtoTypeId(TreeChanged.PROTO_TYPE_ID)
public final class TreeChanged implements ClusterEvent {

    /** Outside the ranges Infinispan and Keycloak use for their own messages. */
    static final int PROTO_TYPE_ID = 7_410_001;

    private final String realmId;
    private final List<String> scopes;
    private final List<String> scopeKeys;
    private final List<String> memberships;
    private final List<String> holders;

    @ProtoFactory
    public TreeChanged(String realmId, List<String> scopes, List<String> scopeKeys, List<String> memberships,
            List<String> holders) {
        this.realmId = realmId;
        this.scopes = orEmpty(scopes);
        this.scopeKeys = orEmpty(scopeKeys);
        this.memberships = orEmpty(memberships);
        this.holders = orEmpty(holders);
    }

    static TreeChanged of(String realmId, TreeChange change) {
        return change.dropsRealm() ? new TreeChanged(realmId, null, null, null, null)
                : new TreeChanged(realmId, new ArrayList<>(change.scopes()), new ArrayList<>(change.scopeKeys()),
                        new ArrayList<>(change.memberships()), new ArrayList<>(change.holders()));
    }

    /** What to drop: the keys named, or the whole realm when none is. */
    TreeChange change() {
        return TreeChange.of(scopes, scopeKeys, memberships, holders);
    }

    @ProtoField(1)
    public String getRealmId() {
        return realmId;
    }

    @ProtoField(number = 2, collectionImplementation = ArrayList.class)
    public List<String> getScopes() {
        return scopes;
    }

    @ProtoField(number = 3, collectionImplementation = ArrayList.class)
    public List<String> getScopeKeys() {
        return scopeKeys;
    }

    /** As {@link TreeCache#membershipKey} makes them. */
    @ProtoField(number = 4, collectionImplementation = ArrayList.class)
    public List<String> getMemberships() {
        return memberships;
    }

    /** As {@link TreeCache#holderKey} makes them. */
    @ProtoField(number = 5, collectionImplementation = ArrayList.class)
    public List<String> getHolders() {
        return holders;
    }

    private static List<String> orEmpty(List<String> keys) {
        return keys == null ? List.of() : List.copyOf(keys);
    }
}
