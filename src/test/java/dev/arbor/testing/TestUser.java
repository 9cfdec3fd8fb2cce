package dev.arbor.testing;

/** A user created by {@link TestRealm#createUser}, with the password it was given. */
public record TestUser(String id, String username, String password) {
}
