// "Why can or can't someone do something here?": the API's decision on a permission, with its explanation.

import { check } from './api.js';
import { h, replace } from './dom.js';
import { failure } from './ui.js';

export function explainSection(caller, scope, members, matrix) {
  const people = members.members.some(member => member.userId === caller.userId) ? members.members
    : [{ userId: caller.userId, username: caller.username }, ...members.members];
  const result = h('div', { id: 'explain-result', 'aria-live': 'polite' });
  return h('section', { 'aria-labelledby': 'explain-title' },
    h('h2', { id: 'explain-title' }, 'Why can or can’t someone do something here?'),
    h('form', { id: 'explain-form', class: 'inline', onSubmit: async event => {
      event.preventDefault();
      const data = new FormData(event.target);
      try {
        const decision = await check(data.get('user'), scope.id, data.get('permission'));
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
