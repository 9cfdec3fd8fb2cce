// Calls Arbor's API (/realms/{realm}/tenancy/...) with the user's token; errors carry Keycloak's error body.

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

export async function api(path, { method = 'GET', body, query, contentType } = {}) {
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
