package dev.arbor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.stream.IntStream;
import org.infinispan.protostream.ProtobufUtil;
import org.infinispan.protostream.SerializationContext;
import org.infinispan.protostream.TagWriter;
import org.infinispan.protostream.descriptors.WireType;
import org.infinispan.protostream.impl.TagReaderImpl;
import org.infinispan.protostream.impl.TagWriterImpl;
import org.junit.jupiter.api.Test;

/**
 * What travels between nodes: the keys a change names, in ProtoStream as Keycloak's cluster sends it; a change too
 * big to name, or one from a node of the previous version (only the realm, field 1), drops the realm.
 */
class TreeChangedTest {

    private final SerializationContext context = ProtobufUtil.newSerializationContext();

    TreeChangedTest() {
        new ArborProtoSchemaImpl().register(context);
    }

    @Test
    void theNamedKeysTravel() throws IOException {
        TreeChange change = new TreeChange().scope("ws1").scopeKey("acme").membership("alice", "ws1")
                .holder("ws1", "owner");

        TreeChange received = roundTrip(TreeChanged.of("realm-1", change));

        assertThat(received.dropsRealm()).isFalse();
        assertThat(received.scopes()).containsExactly("ws1");
        assertThat(received.scopeKeys()).containsExactly("acme");
        assertThat(received.memberships()).containsExactly(TreeCache.membershipKey("alice", "ws1"));
        assertThat(received.holders()).containsExactly(TreeCache.holderKey("ws1", "owner"));
    }

    @Test
    void aChangeOfTheWholeRealmTravelsAsTheRealmAlone() throws IOException {
        assertThat(roundTrip(TreeChanged.of("realm-1", TreeChange.ofRealm())).dropsRealm()).isTrue();
    }

    @Test
    void aChangeTooBigToNameDropsTheRealmAndTravelsSmall() throws IOException {
        TreeChange change = new TreeChange();
        IntStream.rangeClosed(0, TreeChange.MAX_KEYS).forEach(i -> change.membership("user-" + i, "ws1"));

        assertThat(change.dropsRealm()).isTrue();
        assertThat(change.memberships()).isEmpty();
        assertThat(ProtobufUtil.toWrappedByteArray(context, TreeChanged.of("realm-1", change))).hasSizeLessThan(40);
    }

    @Test
    void anEventOfThePreviousVersionDropsTheRealm() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TagWriter writer = TagWriterImpl.newInstance(context, bytes); // TreeChanged as the previous version wrote it
        writer.writeString(1, "realm-1");
        writer.flush();

        TreeChanged old = ProtobufUtil.fromByteArray(context, bytes.toByteArray(), TreeChanged.class);

        assertThat(old.getRealmId()).isEqualTo("realm-1");
        assertThat(old.change().dropsRealm()).isTrue();
    }

    @Test
    void aReaderOfThePreviousVersionFindsTheRealmInANewEvent() throws IOException {
        byte[] bytes = ProtobufUtil.toByteArray(context, TreeChanged.of("realm-1",
                new TreeChange().membership("alice", "ws1")));

        // the previous version's marshaller: field 1, every other field skipped
        TagReaderImpl reader = TagReaderImpl.newInstance(context, bytes);
        String realmId = null;
        for (int tag = reader.readTag(); tag != 0; tag = reader.readTag()) {
            if (tag == (1 << WireType.TAG_TYPE_NUM_BITS | WireType.WIRETYPE_LENGTH_DELIMITED)) {
                realmId = reader.readString();
            } else {
                assertThat(reader.skipField(tag)).isTrue();
            }
        }
        assertThat(realmId).isEqualTo("realm-1");
    }

    private TreeChange roundTrip(TreeChanged event) throws IOException {
        byte[] bytes = ProtobufUtil.toWrappedByteArray(context, event);
        return ((TreeChanged) ProtobufUtil.fromWrappedByteArray(context, bytes)).change();
    }
}
