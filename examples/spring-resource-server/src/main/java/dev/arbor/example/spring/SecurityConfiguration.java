package dev.arbor.example.spring;

import dev.arbor.spring.TenancyAccess;
import dev.arbor.spring.TenancyJwtAuthenticationConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** Every request needs a valid token of the configured issuer; what it may do is decided per method. */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new TenancyJwtAuthenticationConverter())))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // bearer tokens, no cookies: nothing for a cross-site request to ride on, and a POST without a
                // token must be told 401 (who are you), not the CSRF filter's 403
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** {@code @tenancy} in {@code @PreAuthorize} expressions. */
    @Bean
    TenancyAccess tenancy() {
        return new TenancyAccess();
    }
}
