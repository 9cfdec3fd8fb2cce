// The tenant admin app: what the signed-in user may see and do in the realm's tenancy, and nothing else. Every
// action it offers comes from the API's /actions answer, which is the decision the API makes when the action is
// tried, so nothing offered fails for lack of rights and nothing allowed is missing.

import { api } from './api.js';
import { completeSignIn, currentUser, realmName, signIn, signOut } from './auth.js';
import { h, replace } from './dom.js';

const view = document.getElementById('view');
const notice = document.getElementById('notice');
let info = null;

function say(message, kind = 'success') {
  notice.className = `notice ${kind}`;
  notice.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  replace(notice, message);
}

function clearNotice() {
  notice.className = 'notice';
  replace(notice);
}

function failure(error) {
  const details = error.details && error.details.length ? h('ul', {}, error.details.map(d => h('li', {}, String(d)))) : null;
  const problems = error.problems && error.problems.length
    ? h('ul', {}, error.problems.map(p => h('li', {}, `${p.field ? p.field + ': ' : ''}${p.errorMessage}`))) : null;
  say([h('strong', {}, error.message), details, problems], 'error');
}

let pendingNotice = null;

/**
 * Runs an action the user asked for, shows the view again with fresh data and says how it went; when the view is
 * gone with the action (the user left the scope), goes home and says it there.
 */
async function act(run, success) {
  try {
    await run();
  } catch (error) {
    failure(error);
    return;
  }
  try {
    await route();
    say(success);
  } catch (gone) {
    pendingNotice = success;
    location.hash = '#/';
  }
}

function confirmDialog(text) {
  const dialog = document.getElementById('confirm');
  replace(document.getElementById('confirm-text'), text);
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise(resolve => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true }));
}

function pathOf(scope) {
  return (scope.path || []).map(ref => ref.name).join(' › ');
}

function breadcrumbs(scope) {
  const refs = scope.path || [];
  return h('nav', { 'aria-label': 'Breadcrumb', class: 'breadcrumbs' },
    h('ol', {}, h('li', {}, h('a', { href: '#/' }, 'Home')),
      refs.map((ref, index) => h('li', {}, index === refs.length - 1
        ? h('span', { 'aria-current': 'page' }, ref.name)
        : h('a', { href: `#/scopes/${encodeURIComponent(ref.id)}` }, ref.name)))));
}

function scopeLink(scope) {
  return h('a', { href: `#/scopes/${encodeURIComponent(scope.id)}`, class: 'scope-link' },
    h('span', { class: 'badge' }, scope.type), ' ', scope.name);
}

// ----- Home: the user's scopes, the top of the tree they reach, their invitations -----

async function home() {
  const [mine, top, invitations] = await Promise.all([
    api('me', { query: { max: 100 } }),
    api('scopes', { query: { max: 100 } }),
    api('me/invitations'),
  ]);
  const pending = invitations.filter(invitation => invitation.status === 'PENDING');
  replace(view,
    h('h1', {}, 'Your tenancy'),
    pending.length ? h('section', { 'aria-labelledby': 'inv-title', id: 'my-invitations' },
      h('h2', { id: 'inv-title' }, 'Invitations for you'),
      h('ul', { class: 'cards' }, pending.map(invitationCard))) : null,
    h('section', { 'aria-labelledby': 'mine-title' },
      h('h2', { id: 'mine-title' }, 'Where you have a role'),
      mine.length ? h('ul', { class: 'cards', id: 'my-scopes' }, mine.map(access => h('li', { class: 'card' },
        scopeLink(access.scope),
        h('div', { class: 'muted' }, pathOf(access.scope)),
        h('div', {}, 'Roles: ', [...access.roles, ...access.actingRoles.map(r => `${r} (acting)`)].join(', ') || '—'))))
        : h('p', { class: 'empty' }, 'You hold no role anywhere yet. An invitation will appear here.')),
    h('section', { 'aria-labelledby': 'top-title' },
      h('h2', { id: 'top-title' }, 'Top of your tree'),
      top.length ? h('ul', { class: 'tree', id: 'top-scopes' }, top.map(scope => h('li', {}, scopeLink(scope))))
        : h('p', { class: 'empty' }, 'Nothing to show.')));
}

function invitationCard(invitation) {
  return h('li', { class: 'card', dataset: { invitation: invitation.id } },
    h('div', {}, h('span', { class: 'badge' }, invitation.scope.type), ' ', invitation.scope.name),
    h('div', {}, 'Roles offered: ', invitation.roles.join(', ')),
    h('div', { class: 'muted' }, `Expires ${new Date(invitation.expiresAt).toLocaleString()}`),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', dataset: { action: 'accept' }, onClick: () => act(
        () => api(`me/invitations/${encodeURIComponent(invitation.id)}/accept`, { method: 'POST' }),
        `You joined ${invitation.scope.name}.`) }, 'Accept'),
      h('button', { type: 'button', class: 'secondary', dataset: { action: 'decline' }, onClick: () => act(
        () => api(`me/invitations/${encodeURIComponent(invitation.id)}/decline`, { method: 'POST' }),
        'Invitation declined.') }, 'Decline')));
}

// ----- One scope: what is inside, its members, invitations, explanations, the permission matrix -----

const PAGE = 50;

async function scopePage(scopeId, first = 0) {
  const id = encodeURIComponent(scopeId);
  const [scope, children, members, actions, matrix] = await Promise.all([
    api(`scopes/${id}`),
    api('scopes', { query: { parentId: scopeId, max: 100 } }),
    api(`scopes/${id}/members`, { query: { first, max: PAGE } }),
    api(`scopes/${id}/actions`, { query: { first, max: PAGE } }),
    api(`scopes/${id}/roles`),
  ]);
  // the API lists only the invitations the caller may withdraw: all of them for member listers, else their own
  const invitations = await api(`scopes/${id}/invitations`, { query: { max: 100 } });
  const byUser = new Map(actions.members.map(member => [member.userId, member]));
  const usernames = new Map(members.members.map(member => [member.userId, member.username]));
  replace(view,
    breadcrumbs(scope),
    h('h1', {}, scope.name, ' ', h('span', { class: 'badge' }, scope.type)),
    childrenSection(scope, children, actions),
    membersSection(scope, members, byUser, usernames, first),
    takeBackSection(scope, actions, usernames),
    invitationsSection(scope, invitations, actions),
    explainSection(scope, members, matrix),
    matrixSection(matrix));
}

function childrenSection(scope, children, actions) {
  const form = actions.createChildren.length ? h('form', { id: 'create-form', class: 'inline', onSubmit: event => {
    event.preventDefault();
    const data = new FormData(event.target);
    act(() => api('scopes', { method: 'POST', body: { type: data.get('type'), name: data.get('name'), parentId: scope.id } }),
      `${data.get('name')} created.`);
  } },
  h('label', { for: 'create-type' }, 'New'),
  h('select', { id: 'create-type', name: 'type' }, actions.createChildren.map(type => h('option', { value: type }, type))),
  h('label', { for: 'create-name', class: 'visually-hidden' }, 'Name'),
  h('input', { id: 'create-name', name: 'name', required: true, maxlength: 255, placeholder: 'Name' }),
  h('button', { type: 'submit' }, 'Create')) : null;
  if (!children.length && !form) {
    return null;
  }
  return h('section', { 'aria-labelledby': 'children-title' },
    h('h2', { id: 'children-title' }, 'Inside'),
    children.length ? h('ul', { class: 'tree', id: 'children' }, children.map(child => h('li', {}, scopeLink(child))))
      : h('p', { class: 'empty' }, 'Nothing inside that you can see.'),
    form);
}

function membersSection(scope, page, byUser, usernames, first) {
  const rows = page.members.map(member => memberRow(scope, member, byUser.get(member.userId) || { grant: [], transfer: [], revoke: [] }, usernames));
  const more = page.complete && page.total > first + page.members.length;
  return h('section', { 'aria-labelledby': 'members-title' },
    h('h2', { id: 'members-title' }, 'Members'),
    page.complete ? null : h('p', { class: 'muted' }, 'You see only your own membership here.'),
    rows.length ? h('table', { id: 'members', class: 'responsive' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'User'), h('th', { scope: 'col' }, 'Roles'),
        h('th', { scope: 'col' }, 'Optional permissions'), h('th', { scope: 'col' }, 'Give a role'))),
      h('tbody', {}, rows)) : h('p', { class: 'empty' }, 'No members.'),
    page.complete ? h('p', { class: 'muted' }, `${page.total} member(s)`,
      first > 0 ? h('a', { href: `#/scopes/${encodeURIComponent(scope.id)}?first=${Math.max(0, first - PAGE)}`, class: 'pager' }, 'Previous') : null,
      more ? h('a', { href: `#/scopes/${encodeURIComponent(scope.id)}?first=${first + PAGE}`, class: 'pager' }, 'Next') : null) : null);
}

function memberRow(scope, member, allowed, usernames) {
  const name = member.username || member.userId;
  const revocable = new Map(allowed.revoke.map(entry => [entry.role, entry.removes]));
  const self = member.userId === info.caller.userId;
  const roles = member.roles.map(role => h('span', { class: 'chip', dataset: { role } }, role,
    revocable.has(role) ? h('button', {
      type: 'button', class: 'chip-remove', dataset: { action: 'revoke', role, self: self ? 'true' : undefined },
      'aria-label': self ? `Give up your role ${role}` : `Take back ${role} from ${name}`,
      title: self ? `Give up your role ${role}` : `Take back ${role} from ${name}`,
      onClick: () => revoke(scope, member, name, role, revocable.get(role), usernames),
    }, '×') : null));
  const offers = [...allowed.grant.map(role => ({ role, transfer: false })), ...allowed.transfer.map(role => ({ role, transfer: true }))];
  const grant = offers.length ? h('form', { class: 'inline', dataset: { action: 'grant-form' }, onSubmit: event => {
    event.preventDefault();
    const [role, transfer] = new FormData(event.target).get('role').split('|');
    act(() => api(`scopes/${encodeURIComponent(scope.id)}/members/${encodeURIComponent(member.userId)}/roles/${encodeURIComponent(role)}`,
      { method: 'PUT', query: transfer === 'transfer' ? { transfer: true } : undefined }),
    `${name} is now ${role}.`);
  } },
  h('label', { class: 'visually-hidden', for: `grant-${member.userId}` }, `Role to give ${name}`),
  h('select', { id: `grant-${member.userId}`, name: 'role' }, offers.map(offer => h('option',
    { value: `${offer.role}|${offer.transfer ? 'transfer' : ''}` }, offer.transfer ? `${offer.role} (transfer from its holder)` : offer.role))),
  h('button', { type: 'submit', dataset: { action: 'grant' } }, 'Give')) : h('span', { class: 'muted' }, '—');
  return h('tr', { dataset: { user: name } },
    h('th', { scope: 'row', 'data-label': 'User' }, name),
    h('td', { 'data-label': 'Roles' }, roles.length ? roles : '—'),
    h('td', { 'data-label': 'Optional permissions' }, member.options.length ? member.options.join(', ') : '—'),
    h('td', { 'data-label': 'Give a role' }, grant));
}

/** Taking back a scope whose owner the caller may remove without seeing its members (sealing). */
function takeBackSection(scope, actions, usernames) {
  const hidden = actions.takeBack.filter(entry => !usernames.has(entry.holderId));
  if (!hidden.length) {
    return null;
  }
  return h('section', { 'aria-labelledby': 'take-back-title', id: 'take-back' },
    h('h2', { id: 'take-back-title' }, 'Ownership'),
    hidden.map(entry => h('p', {}, `This ${scope.type} has its own ${entry.role}. `,
      h('button', { type: 'button', class: 'danger', dataset: { action: 'take-back', role: entry.role }, onClick: async () => {
        const text = `Take ${scope.name} back? Its ${entry.role} loses the role` + (entry.removes
          ? ` and ${entry.removes} user(s) will be removed with it.` : '.');
        if (await confirmDialog(text)) {
          act(() => api(`scopes/${encodeURIComponent(scope.id)}/members/${encodeURIComponent(entry.holderId)}/roles/${encodeURIComponent(entry.role)}`,
            { method: 'DELETE' }), `${scope.name} taken back; ${entry.removes} user(s) removed with it.`);
        }
      } }, `Take ${scope.name} back`))));
}

/**
 * Asks first, saying what the API will do: `removes` is the cascade its decision reports (none for giving up one's
 * own role, which leaves the other members in place).
 */
async function revoke(scope, member, name, role, removes, usernames) {
  const others = removes.map(id => usernames.get(id) || id);
  const self = member.userId === info.caller.userId;
  const removed = removes.length ? ` ${removes.length} user(s) will be removed with it: ${others.join(', ')}.` : '';
  const text = self
    ? `Give up your role ${role} here?` + (removed || ' The other members keep their roles.')
      + ` You may no longer see this ${scope.type} afterwards.`
    : `Take back ${role} from ${name}?${removed}`;
  if (!(await confirmDialog(text))) {
    return;
  }
  act(() => api(`scopes/${encodeURIComponent(scope.id)}/members/${encodeURIComponent(member.userId)}/roles/${encodeURIComponent(role)}`,
    { method: 'DELETE' }),
  removes.length ? `${role} taken back from ${name}; ${removes.length} user(s) removed with it.` : `${role} taken back from ${name}.`);
}

function invitationsSection(scope, invitations, actions) {
  const form = actions.invite.length ? h('form', { id: 'invite-form', onSubmit: event => {
    event.preventDefault();
    const data = new FormData(event.target);
    const roles = data.getAll('role');
    if (!roles.length) {
      say('Choose at least one role to invite to.', 'error');
      return;
    }
    act(() => api(`scopes/${encodeURIComponent(scope.id)}/invitations`, { method: 'POST', body: { email: data.get('email'), roles } }),
      `Invitation sent to ${data.get('email')}.`);
  } },
  h('label', { for: 'invite-email' }, 'E-mail'),
  h('input', { id: 'invite-email', name: 'email', type: 'email', required: true, autocomplete: 'off' }),
  h('fieldset', {}, h('legend', {}, 'Roles'),
    actions.invite.map(role => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'role', value: role }), role))),
  h('button', { type: 'submit' }, 'Send invitation')) : null;
  const pending = invitations.filter(invitation => invitation.status === 'PENDING');
  if (!form && !pending.length) {
    return null;
  }
  return h('section', { 'aria-labelledby': 'invitations-title' },
    h('h2', { id: 'invitations-title' }, 'Invitations'),
    pending.length ? h('table', { id: 'invitations', class: 'responsive' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'E-mail'), h('th', { scope: 'col' }, 'Roles'),
        h('th', { scope: 'col' }, 'Expires'), h('th', { scope: 'col' }, ''))),
      h('tbody', {}, pending.map(invitation => h('tr', { dataset: { invitation: invitation.id } },
        h('th', { scope: 'row', 'data-label': 'E-mail' }, invitation.email),
        h('td', { 'data-label': 'Roles' }, invitation.roles.join(', ')),
        h('td', { 'data-label': 'Expires' }, new Date(invitation.expiresAt).toLocaleString()),
        h('td', {}, h('button', {
          type: 'button', class: 'secondary', dataset: { action: 'withdraw' },
          onClick: () => act(() => api(`scopes/${encodeURIComponent(scope.id)}/invitations/${encodeURIComponent(invitation.id)}`, { method: 'DELETE' }),
            `Invitation to ${invitation.email} withdrawn.`),
        }, 'Withdraw')))))) : h('p', { class: 'empty' }, 'No pending invitations.'),
    form);
}

function explainSection(scope, members, matrix) {
  const me = info.caller;
  const people = members.members.some(member => member.userId === me.userId) ? members.members
    : [{ userId: me.userId, username: me.username }, ...members.members];
  const result = h('div', { id: 'explain-result', 'aria-live': 'polite' });
  return h('section', { 'aria-labelledby': 'explain-title' },
    h('h2', { id: 'explain-title' }, 'Why can or can’t someone do something here?'),
    h('form', { id: 'explain-form', class: 'inline', onSubmit: async event => {
      event.preventDefault();
      const data = new FormData(event.target);
      try {
        const decision = await api('check', { method: 'POST', body: { userId: data.get('user'), scopeId: scope.id, permission: data.get('permission') } });
        replace(result, h('p', { class: decision.allowed ? 'allowed' : 'denied' },
          decision.allowed ? 'Allowed' : `Not allowed (${decision.reason.toLowerCase().replace(/_/g, ' ')})`),
        h('ol', { class: 'explanation' }, decision.explanation.map(line => h('li', {}, line))));
      } catch (error) {
        failure(error);
      }
    } },
    h('label', { for: 'explain-user' }, 'User'),
    h('select', { id: 'explain-user', name: 'user' }, people.map(person => h('option', { value: person.userId }, person.username || person.userId))),
    h('label', { for: 'explain-permission' }, 'Permission'),
    h('select', { id: 'explain-permission', name: 'permission' }, matrix.permissions.map(p => h('option', { value: p }, p))),
    h('button', { type: 'submit' }, 'Explain')),
    result);
}

function matrixSection(matrix) {
  return h('section', { 'aria-labelledby': 'matrix-title' },
    h('details', {},
      h('summary', {}, h('h2', { id: 'matrix-title', class: 'inline-heading' }, 'Permissions by role here')),
      h('div', { class: 'scroll' }, h('table', { id: 'matrix' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Permission'), matrix.roles.map(role => h('th', { scope: 'col' },
          role.name, role.maxHolders ? h('div', { class: 'muted' }, `at most ${role.maxHolders}`) : null)))),
        h('tbody', {}, matrix.permissions.map(permission => h('tr', {},
          h('th', { scope: 'row' }, permission),
          matrix.roles.map(role => {
            const has = role.permissions.includes(permission);
            const optional = role.optional.includes(permission);
            return h('td', { class: has ? 'yes' : optional ? 'optional' : 'no' },
              has ? h('span', { 'aria-label': 'yes' }, '✓') : optional ? h('span', { 'aria-label': 'optional' }, 'opt') : h('span', { 'aria-label': 'no' }, '–'));
          }))))))));
}

// ----- Realm administrators: the schema -----

async function schemaPage() {
  let current = null;
  try {
    current = await api('schema');
  } catch (error) {
    if (error.status !== 404) {
      throw error;
    }
  }
  const problems = h('div', { id: 'schema-problems', 'aria-live': 'polite' });
  const text = h('textarea', { id: 'schema-text', name: 'schema', rows: 20, spellcheck: 'false' });
  text.value = current ? JSON.stringify(current.document, null, 2) : '';
  const type = () => (text.value.trim().startsWith('{') ? 'application/json' : 'application/yaml');
  replace(view,
    h('h1', {}, 'Tenancy schema'),
    h('p', {}, current ? `In force: ${current.id} version ${current.version} (revision ${current.revision}).` : 'This realm has no tenancy schema yet.'),
    h('form', { id: 'schema-form', onSubmit: event => {
      event.preventDefault();
      act(() => api('schema', { method: 'PUT', body: text.value, contentType: type() }), 'Schema stored.');
    } },
    h('label', { for: 'schema-text' }, 'Schema document (YAML or JSON)'),
    text,
    h('div', { class: 'buttons' },
      h('button', { type: 'button', class: 'secondary', id: 'schema-validate', onClick: async () => {
        try {
          const result = await api('schema/validate', { method: 'POST', body: text.value, contentType: type() });
          replace(problems, result.valid ? h('p', { class: 'allowed' }, 'The schema is valid.')
            : h('ul', { class: 'denied' }, [...result.problems.map(p => h('li', {}, `${p.path}: ${p.message}`)), ...result.conflicts.map(c => h('li', {}, c))]));
        } catch (error) {
          failure(error);
        }
      } }, 'Validate'),
      h('button', { type: 'submit' }, 'Store'))),
    problems);
}

// ----- Routing -----

async function route() {
  const [path, search] = (location.hash.slice(1) || '/').split('?');
  const params = new URLSearchParams(search || '');
  const scope = path.match(/^\/scopes\/([^/]+)$/);
  if (scope) {
    await scopePage(decodeURIComponent(scope[1]), Number(params.get('first') || 0));
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
    if (pendingNotice) {
      say(pendingNotice);
      pendingNotice = null;
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
    info = await api('info');
  } catch (error) {
    replace(view, h('h1', {}, 'Cannot sign you in'), h('p', {}, error.message),
      h('p', {}, h('button', { type: 'button', onClick: () => signIn() }, 'Try again')));
    return;
  }
  const user = currentUser();
  replace(document.getElementById('who'), user.preferred_username || info.caller.username);
  const mine = info.schema.status === 'ACTIVE' ? await api('me', { query: { max: 100 } }) : [];
  const switcher = mine.length > 1 ? h('select', {
    id: 'scope-switch', 'aria-label': 'Switch to', onChange: event => {
      if (event.target.value) {
        location.hash = `#/scopes/${encodeURIComponent(event.target.value)}`;
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
