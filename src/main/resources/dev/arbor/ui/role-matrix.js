// The permissions of a scope's roles as the tree stands: one row per permission, one column per role.

import { h } from './dom.js';

export function matrixSection(matrix) {
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
