// A scope's members: their roles and options, giving, transferring and taking back roles, and taking back a
// sealed scope whose members the caller does not see.

import { grantRole, revokeRole } from './api.js';
import { h } from './dom.js';
import { scopeHref } from './links.js';
import { act, confirmDialog } from './ui.js';

/** Members per page. */
export const PAGE = 50;

export function membersSection(caller, scope, page, byUser, usernames, first) {
  const rows = page.members.map(member => memberRow(caller, scope, member,
    byUser.get(member.userId) || { grant: [], transfer: [], revoke: [] }, usernames));
  const more = page.complete && page.total > first + page.members.length;
  return h('section', { 'aria-labelledby': 'members-title' },
    h('h2', { id: 'members-title' }, 'Members'),
    page.complete ? null : h('p', { class: 'muted' }, 'You see only your own membership here.'),
    rows.length ? h('table', { id: 'members', class: 'responsive' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'User'), h('th', { scope: 'col' }, 'Roles'),
        h('th', { scope: 'col' }, 'Optional permissions'), h('th', { scope: 'col' }, 'Give a role'))),
      h('tbody', {}, rows)) : h('p', { class: 'empty' }, 'No members.'),
    page.complete ? h('p', { class: 'muted' }, `${page.total} member(s)`,
      first > 0 ? h('a', { href: scopeHref(scope.id, Math.max(0, first - PAGE)), class: 'pager' }, 'Previous') : null,
      more ? h('a', { href: scopeHref(scope.id, first + PAGE), class: 'pager' }, 'Next') : null) : null);
}

function memberRow(caller, scope, member, allowed, usernames) {
  const name = member.username || member.userId;
  const revocable = new Map(allowed.revoke.map(entry => [entry.role, entry.removes]));
  const self = member.userId === caller.userId;
  const roles = member.roles.map(role => h('span', { class: 'chip', dataset: { role } }, role,
    revocable.has(role) ? h('button', {
      type: 'button', class: 'chip-remove', dataset: { action: 'revoke', role, self: self ? 'true' : undefined },
      'aria-label': self ? `Give up your role ${role}` : `Take back ${role} from ${name}`,
      title: self ? `Give up your role ${role}` : `Take back ${role} from ${name}`,
      onClick: () => revoke(scope, member, name, role, revocable.get(role), usernames, self),
    }, '×') : null));
  const offers = [...allowed.grant.map(role => ({ role, transfer: false })), ...allowed.transfer.map(role => ({ role, transfer: true }))];
  const grant = offers.length ? h('form', { class: 'inline', dataset: { action: 'grant-form' }, onSubmit: event => {
    event.preventDefault();
    const [role, transfer] = new FormData(event.target).get('role').split('|');
    act(() => grantRole(scope.id, member.userId, role, { transfer: transfer === 'transfer' }),
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

/**
 * Asks first, saying what the API will do: `removes` is the cascade its decision reports (none for giving up one's
 * own role, which leaves the other members in place).
 */
async function revoke(scope, member, name, role, removes, usernames, self) {
  const others = removes.map(id => usernames.get(id) || id);
  const removed = removes.length ? ` ${removes.length} user(s) will be removed with it: ${others.join(', ')}.` : '';
  const text = self
    ? `Give up your role ${role} here?` + (removed || ' The other members keep their roles.')
      + ` You may no longer see this ${scope.type} afterwards.`
    : `Take back ${role} from ${name}?${removed}`;
  if (!(await confirmDialog(text))) {
    return;
  }
  act(() => revokeRole(scope.id, member.userId, role),
    removes.length ? `${role} taken back from ${name}; ${removes.length} user(s) removed with it.` : `${role} taken back from ${name}.`);
}

/** Taking back a scope whose owner the caller may remove without seeing its members (sealing). */
export function takeBackSection(scope, actions, usernames) {
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
          act(() => revokeRole(scope.id, entry.holderId, entry.role),
            `${scope.name} taken back; ${entry.removes} user(s) removed with it.`);
        }
      } }, `Take ${scope.name} back`))));
}
