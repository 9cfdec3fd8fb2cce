package dev.arbor.store;

import org.infinispan.protostream.GeneratedSchema;
import org.infinispan.protostream.annotations.ProtoSchema;
import org.infinispan.protostream.annotations.ProtoSyntax;

/** ProtoStream's processor generates the marshaller of {@link TreeChanged} from this, and registers it. */
@ProtoSchema(
        syntax = ProtoSyntax.PROTO3,
        schemaPackageName = "arbor",
        schemaFileName = "arbor.proto",
        schemaFilePath = "proto/generated",
        includeClasses = TreeChanged.class)
public interface ArborProtoSchema extends GeneratedSchema {
}
