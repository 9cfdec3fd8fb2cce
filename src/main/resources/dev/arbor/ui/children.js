// The scopes inside a scope, and creating one where the schema lets the caller.

import { createScope } from './api.js';
import { h } from './dom.js';
import { scopeLink } from './links.js';
import { act } from './ui.js';

export function childrenSection(scope, children, actions) {
  const form = actions.createChildren.length ? h('form', { id: 'create-form', class: 'inline', onSubmit: event => {
    event.preventDefault();
    const data = new FormData(event.target);
    act(() => createScope(scope.id, data.get('type'), data.get('name')),
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
