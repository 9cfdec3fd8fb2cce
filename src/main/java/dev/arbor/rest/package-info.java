/**
 * REST adapter: the delegated-administration API under {@code /realms/{realm}/tenancy}. Authenticates the caller
 * by a bearer token of the URL's realm, turns requests into core questions and core answers into HTTP; the only
 * place that knows about status codes.
 */
package dev.arbor.rest;
