/**
 * What the tenancy API reads and answers, as records Jackson 2 reads and writes. Answers ignore properties they do
 * not know, so that a newer server does not break an older client; request bodies leave out what is null, since
 * the server refuses properties it does not know.
 */
package dev.arbor.client.representations;
