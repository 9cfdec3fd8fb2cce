package dev.arbor.realmfile;

import dev.arbor.service.TenancyDocument.ImportResult;
import dev.arbor.service.TenancyException;
import dev.arbor.service.TenancyProvider;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;

/**
 * Applies the tenancy a realm file carries once Keycloak has imported the realm. Keycloak fires
 * {@link RealmModel.RealmPostCreateEvent} at the end of every realm import ({@code kc.sh import},
 * {@code --import-realm}, a realm created from a representation through the admin API), after the file's users (also
 * those of separate user files), in the import's transaction. The attribute is removed once applied, so the realm
 * does not keep a stale copy of its tenancy; a tenancy that does not fit its schema fails the whole realm import.
 */
final class RealmFileImport {

    private static final Logger LOG = Logger.getLogger(RealmFileImport.class);

    private RealmFileImport() {
    }

    static void register(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                apply(created.getKeycloakSession(), created.getCreatedRealm());
            }
        });
    }

    private static void apply(KeycloakSession session, RealmModel realm) {
        String text = realm.getAttribute(RealmFiles.ATTRIBUTE);
        if (text == null) {
            return;
        }
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            ImportResult result = session.getProvider(TenancyProvider.class)
                    .importFromRealmFile(() -> RealmFiles.read(text));
            realm.removeAttribute(RealmFiles.ATTRIBUTE);
            LOG.infof("Realm '%s': tenancy imported from the realm file (schema revision %d, %d scopes created,"
                    + " %d updated, %d roles granted, %d options set)", realm.getName(), result.schemaRevision(),
                    result.scopesCreated(), result.scopesUpdated(), result.rolesGranted(), result.optionsSet());
        } catch (TenancyException refused) {
            throw new ModelException("Realm '" + realm.getName() + "': the tenancy in the realm attribute "
                    + RealmFiles.ATTRIBUTE + " cannot be imported: " + describe(refused), refused);
        } finally {
            session.getContext().setRealm(previous);
        }
    }

    private static String describe(TenancyException refused) {
        StringBuilder text = new StringBuilder(refused.kind() + ": " + refused.getMessage());
        if (refused.field() != null) {
            text.append(" (at ").append(refused.field()).append(')');
        }
        refused.problems().forEach(problem -> text.append("; ").append(problem.field()).append(": ")
                .append(problem.message()));
        if (refused.details() != null) {
            refused.details().forEach(detail -> text.append("; ").append(detail));
        }
        return text.toString();
    }
}
