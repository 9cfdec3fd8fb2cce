// Arbor's API (/realms/{realm}/tenancy/...) as named calls, one per operation the app uses, with the user's token;
// errors carry Keycloak's error body. The only place that knows the API's paths.

import { accessToken, realmPath } from './auth.js';

export class ApiError extends Error {
  constructor(status, body) {
    super((body && (body.errorMessage || body.error_description || body.error)) || `request failed (${status})`);
    this.status = status;
    this.field = body && body.field;
    this.details = (body && body.params) || [];
    this.problems = (body && body.errors) || [];
  }
}

async function request(path, { method = 'GET', body, query, contentType } = {}) {
  const headers = { Authorization: `Bearer ${await accessToken()}` };
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = contentType || 'application/json';
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const search = query ? `?${new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null))}` : '';
  const response = await fetch(`${realmPath}/tenancy/${path}${search}`, { method, headers, body: payload });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}

const segment = encodeURIComponent;

/** The schema document's media type, guessed from its first character: JSON objects start with a brace. */
function schemaType(text) {
  return text.trim().startsWith('{') ? 'application/json' : 'application/yaml';
}

// ----- The realm -----

export const getInfo = () => request('info');

export const getSchema = () => request('schema');

export const putSchema = text => request('schema', { method: 'PUT', body: text, contentType: schemaType(text) });

export const validateSchema = text =>
  request('schema/validate', { method: 'POST', body: text, contentType: schemaType(text) });

// ----- The caller -----

export const listMyScopes = max => request('me', { query: { max } });

export const listMyInvitations = () => request('me/invitations');

export const acceptInvitation = invitationId =>
  request(`me/invitations/${segment(invitationId)}/accept`, { method: 'POST' });

export const declineInvitation = invitationId =>
  request(`me/invitations/${segment(invitationId)}/decline`, { method: 'POST' });

export const check = (userId, scopeId, permission) =>
  request('check', { method: 'POST', body: { userId, scopeId, permission } });

// ----- Scopes -----

export const listScopes = (parentId, max) => request('scopes', { query: { parentId, max } });

export const getScope = scopeId => request(`scopes/${segment(scopeId)}`);

export const createScope = (parentId, type, name) =>
  request('scopes', { method: 'POST', body: { type, name, parentId } });

export const listActions = (scopeId, first, max) =>
  request(`scopes/${segment(scopeId)}/actions`, { query: { first, max } });

export const getRoleMatrix = scopeId => request(`scopes/${segment(scopeId)}/roles`);

// ----- Members -----

export const listMembers = (scopeId, first, max) =>
  request(`scopes/${segment(scopeId)}/members`, { query: { first, max } });

export const grantRole = (scopeId, userId, role, { transfer = false } = {}) =>
  request(`scopes/${segment(scopeId)}/members/${segment(userId)}/roles/${segment(role)}`,
    { method: 'PUT', query: transfer ? { transfer: true } : undefined });

export const revokeRole = (scopeId, userId, role) =>
  request(`scopes/${segment(scopeId)}/members/${segment(userId)}/roles/${segment(role)}`, { method: 'DELETE' });

// ----- Invitations -----

export const listInvitations = (scopeId, max) => request(`scopes/${segment(scopeId)}/invitations`, { query: { max } });

export const invite = (scopeId, email, roles) =>
  request(`scopes/${segment(scopeId)}/invitations`, { method: 'POST', body: { email, roles } });

export const withdrawInvitation = (scopeId, invitationId) =>
  request(`scopes/${segment(scopeId)}/invitations/${segment(invitationId)}`, { method: 'DELETE' });
