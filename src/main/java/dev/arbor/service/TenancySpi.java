package dev.arbor.service;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The tenancy SPI, declared as Keycloak declares its organization SPI: one provider interface,
 * {@link TenancyProvider}, fetched with {@code session.getProvider(TenancyProvider.class)}.
 */
public final class TenancySpi implements Spi {

    public static final String NAME = "arbor-tenancy";

    @Override
    public boolean isInternal() {
        return false; // an extension's own SPI: Keycloak warns about internal ones it does not know
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return TenancyProvider.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return TenancyProviderFactory.class;
    }
}
