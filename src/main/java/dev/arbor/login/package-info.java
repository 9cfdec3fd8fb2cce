/**
 * Login adapter: the authenticator that chooses the active scope during the browser flow (the "choose a
 * workspace" page, rendered from the theme under {@code themes/}) and the invitation-acceptance step.
 */
package dev.arbor.login;
