// One scope: what is inside, its members, invitations, explanations, the permission matrix. Every action offered
// comes from the API's /actions answer for this scope.

import { getRoleMatrix, getScope, listActions, listInvitations, listMembers, listScopes } from './api.js';
import { h, replace } from './dom.js';
import { childrenSection } from './children.js';
import { explainSection } from './explain.js';
import { invitationsSection } from './invitations.js';
import { breadcrumbs } from './links.js';
import { membersSection, PAGE, takeBackSection } from './members.js';
import { matrixSection } from './role-matrix.js';
import { view } from './ui.js';

export async function scopePage(caller, scopeId, first = 0) {
  const [scope, children, members, actions, matrix] = await Promise.all([
    getScope(scopeId),
    listScopes(scopeId, 100),
    listMembers(scopeId, first, PAGE),
    listActions(scopeId, first, PAGE),
    getRoleMatrix(scopeId),
  ]);
  // the API lists only the invitations the caller may withdraw: all of them for member listers, else their own
  const invitations = await listInvitations(scopeId, 100);
  const byUser = new Map(actions.members.map(member => [member.userId, member]));
  const usernames = new Map(members.members.map(member => [member.userId, member.username]));
  replace(view,
    breadcrumbs(scope),
    h('h1', {}, scope.name, ' ', h('span', { class: 'badge' }, scope.type)),
    childrenSection(scope, children, actions),
    membersSection(caller, scope, members, byUser, usernames, first),
    takeBackSection(scope, actions, usernames),
    invitationsSection(scope, invitations, actions),
    explainSection(caller, scope, members, matrix),
    matrixSection(matrix));
}
