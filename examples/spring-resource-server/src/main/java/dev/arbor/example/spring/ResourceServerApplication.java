package dev.arbor.example.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A downstream app of a realm with Arbor: a Spring Boot resource server that verifies Keycloak's tokens with Spring
 * Security and authorizes from their {@code tenancy} claim alone, with no call back to Keycloak. Run it with
 * {@code java -jar arbor-example-spring-resource-server.jar
 * --spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:8080/realms/skyport}.
 */
@SpringBootApplication
public class ResourceServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ResourceServerApplication.class, args);
    }
}
