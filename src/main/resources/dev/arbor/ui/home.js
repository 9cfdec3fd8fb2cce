// Home: the user's scopes, the top of the tree they reach, their invitations.

import { acceptInvitation, declineInvitation, listMyInvitations, listMyScopes, listScopes } from './api.js';
import { h, replace } from './dom.js';
import { pathOf, scopeLink } from './links.js';
import { act, view } from './ui.js';

export async function home() {
  const [mine, top, invitations] = await Promise.all([
    listMyScopes(100),
    listScopes(undefined, 100),
    listMyInvitations(),
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
        () => acceptInvitation(invitation.id),
        `You joined ${invitation.scope.name}.`) }, 'Accept'),
      h('button', { type: 'button', class: 'secondary', dataset: { action: 'decline' }, onClick: () => act(
        () => declineInvitation(invitation.id),
        'Invitation declined.') }, 'Decline')));
}
