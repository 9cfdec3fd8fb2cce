// How a scope is named and linked to: its path, breadcrumbs, a link with its type.

import { h } from './dom.js';

export function pathOf(scope) {
  return (scope.path || []).map(ref => ref.name).join(' › ');
}

export function scopeHref(scopeId, first) {
  return `#/scopes/${encodeURIComponent(scopeId)}${first === undefined ? '' : `?first=${first}`}`;
}

export function breadcrumbs(scope) {
  const refs = scope.path || [];
  return h('nav', { 'aria-label': 'Breadcrumb', class: 'breadcrumbs' },
    h('ol', {}, h('li', {}, h('a', { href: '#/' }, 'Home')),
      refs.map((ref, index) => h('li', {}, index === refs.length - 1
        ? h('span', { 'aria-current': 'page' }, ref.name)
        : h('a', { href: scopeHref(ref.id) }, ref.name)))));
}

export function scopeLink(scope) {
  return h('a', { href: scopeHref(scope.id), class: 'scope-link' },
    h('span', { class: 'badge' }, scope.type), ' ', scope.name);
}
