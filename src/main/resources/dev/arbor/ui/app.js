// The tenant admin app: what the signed-in user may see and do in the realm's tenancy, and nothing else. Every
// action it offers comes from the API's /actions answer, which is the decision the API makes when the action is
// tried, so nothing offered fails for lack of rights and nothing allowed is missing. This module signs in, draws
// the masthead and routes; the views live in their own modules.

import { getInfo, listMyScopes } from './api.js';
import { completeSignIn, currentUser, realmName, signIn, signOut } from './auth.js';
import { h, replace } from './dom.js';
import { home } from './home.js';
import { pathOf, scopeHref } from './links.js';
import { schemaPage } from './schema-page.js';
import { scopePage } from './scope-page.js';
import { clearNotice, onRefresh, say, takePendingNotice, view } from './ui.js';

let info = null;

async function route() {
  const [path, search] = (location.hash.slice(1) || '/').split('?');
  const params = new URLSearchParams(search || '');
  const scope = path.match(/^\/scopes\/([^/]+)$/);
  if (scope) {
    await scopePage(info.caller, decodeURIComponent(scope[1]), Number(params.get('first') || 0));
  } else if (path === '/schema' && info.caller.realmAdmin) {
    await schemaPage();
  } else {
    await home();
  }
  document.title = `${view.querySelector('h1') ? view.querySelector('h1').firstChild.textContent : 'Tenancy'} · Tenant administration`;
}

async function show() {
  clearNotice();
  try {
    await route();
    const pending = takePendingNotice();
    if (pending) {
      say(pending);
    }
    view.focus({ preventScroll: true });
  } catch (error) {
    replace(view, h('h1', {}, 'Something went wrong'), h('p', {}, error.message),
      h('p', {}, h('a', { href: '#/' }, 'Back to the start')));
  }
}

async function start() {
  replace(document.getElementById('realm'), realmName);
  try {
    if (!(await completeSignIn())) {
      await signIn();
      return;
    }
    info = await getInfo();
  } catch (error) {
    replace(view, h('h1', {}, 'Cannot sign you in'), h('p', {}, error.message),
      h('p', {}, h('button', { type: 'button', onClick: () => signIn() }, 'Try again')));
    return;
  }
  onRefresh(route);
  const user = currentUser();
  replace(document.getElementById('who'), user.preferred_username || info.caller.username);
  const mine = info.schema.status === 'ACTIVE' ? await listMyScopes(100) : [];
  const switcher = mine.length > 1 ? h('select', {
    id: 'scope-switch', 'aria-label': 'Switch to', onChange: event => {
      if (event.target.value) {
        location.hash = scopeHref(event.target.value);
        event.target.value = '';
      }
    },
  }, h('option', { value: '' }, 'Switch to…'), mine.map(access => h('option', { value: access.scope.id }, pathOf(access.scope)))) : null;
  replace(document.getElementById('nav'), h('a', { href: '#/' }, 'Home'),
    info.caller.realmAdmin ? h('a', { href: '#/schema', id: 'nav-schema' }, 'Schema') : null, switcher);
  const signOutButton = document.getElementById('sign-out');
  signOutButton.hidden = false;
  signOutButton.addEventListener('click', signOut);
  if (info.schema.status !== 'ACTIVE' && !info.caller.realmAdmin) {
    replace(view, h('h1', {}, 'Not set up yet'), h('p', {}, 'This realm has no tenancy schema yet. Ask its administrator.'));
    return;
  }
  window.addEventListener('hashchange', show);
  await show();
}

start();
