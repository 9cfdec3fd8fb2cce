// Signs the user in with the realm's arbor-tenancy-ui client: authorization code with PKCE, tokens kept in this
// tab's sessionStorage only, refreshed shortly before they expire.

export const CLIENT_ID = 'arbor-tenancy-ui';

/** The realm's path on this server, e.g. /realms/skyport (with Keycloak's context path, if any). */
export const realmPath = location.pathname.replace(/\/tenancy\/ui(\/.*)?$/, '');
export const realmName = decodeURIComponent(realmPath.split('/').pop());

const oidc = `${realmPath}/protocol/openid-connect`;
const appUrl = location.origin + location.pathname.replace(/[^/]*$/, '');
const TOKENS = 'arbor.tokens';
const PENDING = 'arbor.pending';

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function s256(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function claims(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(decodeURIComponent(Array.from(atob(payload),
    c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join('')));
}

function store(response) {
  const now = Date.now();
  const tokens = {
    access: response.access_token,
    refresh: response.refresh_token,
    id: response.id_token,
    expiresAt: now + response.expires_in * 1000,
  };
  sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
  return tokens;
}

function stored() {
  const text = sessionStorage.getItem(TOKENS);
  return text ? JSON.parse(text) : null;
}

async function tokenRequest(fields) {
  const response = await fetch(`${oidc}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: CLIENT_ID, ...fields }),
  });
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.error_description || body.error || `sign-in failed (${response.status})`);
  }
  return store(body);
}

/** Sends the browser to Keycloak's login page; comes back to the current view. */
export async function signIn() {
  const verifier = randomString();
  const state = randomString();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo: location.hash || '#/' }));
  const query = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: appUrl,
    response_type: 'code',
    scope: 'openid',
    state,
    code_challenge: await s256(verifier),
    code_challenge_method: 'S256',
  });
  location.assign(`${oidc}/auth?${query}`);
  return new Promise(() => {}); // the page is leaving
}

/**
 * Finishes a sign-in when Keycloak has just sent the browser back with a code.
 * @returns {Promise<boolean>} whether the user is signed in
 */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  if (params.has('error')) {
    sessionStorage.removeItem(PENDING);
    history.replaceState(null, '', appUrl);
    throw new Error(params.get('error_description') || params.get('error'));
  }
  if (params.has('code') && pending && params.get('state') === pending.state) {
    sessionStorage.removeItem(PENDING);
    await tokenRequest({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: appUrl,
      code_verifier: pending.verifier,
    });
    history.replaceState(null, '', appUrl + pending.returnTo);
  }
  return stored() !== null;
}

/** A valid access token, refreshed when it is about to expire; signs in again when the session is over. */
export async function accessToken() {
  const tokens = stored();
  if (!tokens) {
    return signIn();
  }
  if (tokens.expiresAt - Date.now() > 30_000) {
    return tokens.access;
  }
  try {
    return (await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh })).access;
  } catch (expired) {
    sessionStorage.removeItem(TOKENS);
    return signIn();
  }
}

export function currentUser() {
  const tokens = stored();
  return tokens ? claims(tokens.access) : null;
}

export function signOut() {
  const tokens = stored();
  sessionStorage.removeItem(TOKENS);
  const query = new URLSearchParams({ client_id: CLIENT_ID, post_logout_redirect_uri: appUrl });
  if (tokens && tokens.id) {
    query.set('id_token_hint', tokens.id);
  }
  location.assign(`${oidc}/logout?${query}`);
}
