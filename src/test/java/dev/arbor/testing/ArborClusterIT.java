package dev.arbor.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a cluster integration test class: its methods may take a {@link KeycloakCluster} (two nodes on one
 * PostgreSQL, shared by every cluster IT of the run) and a {@link TestRealms} whose realms are created through the
 * first node (and so exist on both).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ClusterExtension.class)
@Tag("cluster")
public @interface ArborClusterIT {
}
