// A scope's open invitations: sending one for the roles the caller may give, listing and withdrawing them.

import { invite, withdrawInvitation } from './api.js';
import { h } from './dom.js';
import { act, say } from './ui.js';

export function invitationsSection(scope, invitations, actions) {
  const form = actions.invite.length ? h('form', { id: 'invite-form', onSubmit: event => {
    event.preventDefault();
    const data = new FormData(event.target);
    const roles = data.getAll('role');
    if (!roles.length) {
      say('Choose at least one role to invite to.', 'error');
      return;
    }
    act(() => invite(scope.id, data.get('email'), roles),
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
          onClick: () => act(() => withdrawInvitation(scope.id, invitation.id),
            `Invitation to ${invitation.email} withdrawn.`),
        }, 'Withdraw')))))) : h('p', { class: 'empty' }, 'No pending invitations.'),
    form);
}
