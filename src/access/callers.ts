/**
 * Bearer tokens and what they allow. An analyst token (ANALYST_TOKENS) may read and run Cypher;
 * a read token (READ_TOKENS) may read. Tokens are compared in constant time and never logged.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ServerOptions } from '../config.js';

export type Scope = 'read' | 'analyst';

export interface Caller {
  token: 'none' | 'invalid' | 'valid';
  scopes: ReadonlySet<Scope>;
}

function bearerToken(request: Request | undefined): string | null {
  const header = request?.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** Hashing first makes every comparison the same length, so timing tells nothing about a token. */
const digest = (token: string) => createHash('sha256').update(token).digest();

function isOneOf(token: string, allowed: readonly string[]): boolean {
  const presented = digest(token);
  let found = false;
  for (const candidate of allowed) found = timingSafeEqual(presented, digest(candidate)) || found;
  return found;
}

export function callerOf(request: Request | undefined, options: ServerOptions): Caller {
  const token = bearerToken(request);
  const scopes = new Set<Scope>();
  if (token && isOneOf(token, options.analystTokens)) scopes.add('analyst').add('read');
  else if (token && isOneOf(token, options.readTokens)) scopes.add('read');
  const state = token === null ? 'none' : scopes.size > 0 ? 'valid' : 'invalid';
  // without REQUIRE_AUTH anyone may read
  if (!options.requireAuth) scopes.add('read');
  return { token: state, scopes };
}

export interface Refusal {
  code: 'UNAUTHENTICATED' | 'FORBIDDEN';
  message: string;
}

/** Why a caller may not do something that needs `scope`: UNAUTHENTICATED or FORBIDDEN, or null when it may. */
export function refusalFor(caller: Caller, scope: Scope): Refusal | null {
  if (caller.scopes.has(scope)) return null;
  if (caller.token === 'none')
    return {
      code: 'UNAUTHENTICATED',
      message: `this needs ${scope === 'analyst' ? 'an analyst' : 'a read'} token: send "Authorization: Bearer <token>"`,
    };
  if (caller.token === 'invalid') return { code: 'UNAUTHENTICATED', message: 'that token is not valid here' };
  return { code: 'FORBIDDEN', message: `this token may not use ${scope === 'analyst' ? 'analyst features' : 'reads'}` };
}

/**
 * A refusal over HTTP: 401 asks for a (valid) token and, as RFC 9110 requires, names the scheme
 * in WWW-Authenticate; 403 says this token will not do.
 */
export function httpOf(refusal: Refusal): { status: 401 | 403; headers: Record<string, string> } {
  return refusal.code === 'FORBIDDEN'
    ? { status: 403, headers: {} }
    : { status: 401, headers: { 'www-authenticate': 'Bearer' } };
}
