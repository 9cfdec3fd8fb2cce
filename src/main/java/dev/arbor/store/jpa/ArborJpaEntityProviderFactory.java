package dev.arbor.store.jpa;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers Arbor's entities and Liquibase changelog with Keycloak's JPA connection. */
public final class ArborJpaEntityProviderFactory implements JpaEntityProviderFactory, JpaEntityProvider {

    public static final String ID = "arbor";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public List<Class<?>> getEntities() {
        return List.of(ArborSchemaEntity.class, ArborScopeEntity.class, ArborMembershipEntity.class,
                ArborRoleAssignmentEntity.class, ArborInvitationEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/arbor-changelog-master.xml";
    }

    @Override
    public String getFactoryId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
        // nothing to configure
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    public void close() {
        // stateless
    }

    @Override
    public String getId() {
        return ID;
    }
}
