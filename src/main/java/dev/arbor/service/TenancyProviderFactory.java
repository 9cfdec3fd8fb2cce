package dev.arbor.service;

import org.keycloak.provider.ProviderFactory;

/** Makes the {@link TenancyProvider} of a session. */
public interface TenancyProviderFactory extends ProviderFactory<TenancyProvider> {
}
