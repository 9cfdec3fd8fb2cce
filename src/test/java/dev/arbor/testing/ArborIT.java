package dev.arbor.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an integration test class: its methods may take a {@link KeycloakServer} (shared by every IT of the run)
 * and a {@link TestRealms} (fresh per test; what it created is deleted after the test).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KeycloakExtension.class)
@Tag("it")
public @interface ArborIT {
}
