// A single-page app whose tokens carry Arbor's `tenancy` claim, with keycloak-js: sign in (PKCE), show the scope the
// session acts in, list the scopes the user may switch to, and switch with a new authorization request carrying
// prompt=none and tenancy_scope. docs/single-page-apps.md walks through it; KeycloakJsRecipeBrowserIT runs this
// very file against a real Keycloak. Written for keycloak-js 26, and valid for 25 too: where 26 returns a promise
// and 25 a plain value, `await` takes either.
import Keycloak from 'keycloak-js';

// The tokens live in memory only, so every full-page redirect to Keycloak forgets them. What the page was doing when
// it left is noted in this tab's storage and read once when it comes back.
const PENDING = 'arbor-recipe-pending';

const config = await (await fetch('config.json')).json();
const keycloak = new Keycloak({ url: config.url, realm: config.realm, clientId: config.clientId });
const pending = takePending();
// keycloak-js removes Keycloak's answer from the URL during init; an error sent to the redirect URI is read first.
const errorOnRedirect = new URLSearchParams(location.hash.slice(1)).get('error');

let refusal = null; // set when Keycloak refused; its reason may be unknown (null)
try {
  const authenticated = await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    // The session-status iframe needs Keycloak's cookie inside a third-party frame, which browsers now withhold.
    checkLoginIframe: false,
    redirectUri: location.origin + location.pathname,
  });
  // Only the answer to a prompt=none request leaves the page signed out here; otherwise init goes to the login page.
  refusal = authenticated ? null : { reason: errorOnRedirect ?? 'login_required' };
} catch (error) {
  refusal = { reason: await reasonOf(error) };
}

document.getElementById('switchable').addEventListener('click', event => {
  const button = event.target.closest('button[data-scope-id]');
  if (button) {
    switchTo(button.dataset.scopeId, button.textContent);
  }
});
document.getElementById('refresh').addEventListener('click', refresh);

try {
  if (refusal) {
    await recover(refusal.reason);
  } else {
    await show();
  }
} catch (error) {
  document.getElementById('status').textContent = `Something went wrong: ${error.message ?? error}`;
}

/** A new authorization request for the same client, silent (prompt=none), naming the scope to act in. */
async function switchTo(scopeId, label) {
  leave({ switchTo: scopeId, label });
  // keycloak-js' login options take no extra parameters: its URL carries the state, nonce and PKCE challenge it
  // will check on the way back, and the scope is added to it.
  const url = await keycloak.createLoginUrl({ prompt: 'none' });
  location.assign(`${url}&tenancy_scope=${encodeURIComponent(scopeId)}`);
}

/**
 * A refused switch leaves the session in the scope it acted in, but the page lost its tokens with the redirect: it
 * goes back for them silently, and a prompt=none request that names no scope keeps the session's scope. Should
 * that need the user (the SSO session has ended), the page signs in again; should that fail too, it stops.
 */
async function recover(reason) {
  const refused = pending?.refused ?? { scope: pending?.switchTo, label: pending?.label, reason };
  if (pending?.switchTo) {
    leave({ refused, step: 'silent' });
    await keycloak.login({ prompt: 'none' });
  } else if (pending?.step === 'silent') {
    leave({ refused, step: 'sign-in' });
    await keycloak.login();
  } else {
    document.getElementById('status').textContent = `Cannot sign you in${reason ? ` (${reason})` : ''}.`;
  }
}

async function show() {
  const active = renderScope();
  if (pending?.refused) {
    const { scope, label, reason } = pending.refused;
    const why = reason ? ` (${reason})` : '';
    say(`Keycloak refused the switch to ${label ?? scope}${why}. This page acts in ${active?.name ?? 'no scope'}.`, scope);
  } else if (pending?.switchTo && active?.id !== pending.switchTo) {
    say(`You asked for ${pending.label}, but the token is for ${active?.name ?? 'no scope'}.`, pending.switchTo);
  }
  await renderSwitchable();
  document.getElementById('status').textContent = `Signed in as ${keycloak.tokenParsed.preferred_username}.`;
  document.getElementById('app').hidden = false;
}

/** The access token's claim: the one scope this client session acts in. */
function renderScope() {
  const tenancy = keycloak.tokenParsed.tenancy;
  const section = document.getElementById('active-scope');
  section.dataset.scopeId = tenancy?.scope?.id ?? '';
  section.dataset.tokenId = keycloak.tokenParsed.jti ?? '';
  document.getElementById('scope-name').textContent = tenancy?.scope?.name
      ?? 'No tenancy claim: give this client the tenancy client scope as a default scope.';
  document.getElementById('scope-path').textContent = (tenancy?.path ?? []).map(scope => scope.name).join(' › ');
  document.getElementById('scope-roles').textContent = (tenancy?.roles ?? []).join(', ') || 'none';
  document.getElementById('claim').textContent = JSON.stringify(tenancy ?? null, null, 2);
  return tenancy?.scope;
}

/** The other scopes the user holds a role in: userinfo's `switchable`, kept out of the tokens to keep them small. */
async function renderSwitchable() {
  const tenancy = (await keycloak.loadUserInfo()).tenancy ?? {};
  const items = (tenancy.switchable ?? []).map(scope => {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.scopeId = scope.id;
    button.textContent = scope.path.join(' › ');
    const item = document.createElement('li');
    item.append(button);
    return item;
  });
  if (tenancy.switchableTruncated) {
    const more = document.createElement('li');
    more.textContent = 'and more than can be listed here';
    items.push(more);
  }
  document.getElementById('switchable').replaceChildren(...items);
}

/** A refresh keeps the session's scope; Keycloak refuses it (invalid_grant) once the user no longer acts there. */
async function refresh() {
  try {
    await keycloak.updateToken(-1);
    renderScope();
  } catch {
    await keycloak.login();
  }
}

/** Why keycloak-js failed: an error on the redirect URI, or keycloak-js 26's token-endpoint answer; 25 gives none. */
async function reasonOf(error) {
  if (error?.error) {
    return error.error;
  }
  try {
    return (await error.response.json()).error ?? null;
  } catch {
    return null;
  }
}

function say(message, scopeId) {
  const notice = document.getElementById('notice');
  notice.textContent = message;
  notice.dataset.refusedScope = scopeId ?? '';
}

function leave(note) {
  sessionStorage.setItem(PENDING, JSON.stringify(note));
}

function takePending() {
  const note = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  return note ? JSON.parse(note) : null;
}
