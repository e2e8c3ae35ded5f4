/**
 * Bearer tokens and what they allow. An analyst token (ANALYST_TOKENS) may read and run Cypher;
 * an editor token (EDITOR_TOKENS) may read and write; a read token (READ_TOKENS) may read.
 * A token is written "name:secret" (or just "secret", named by its list and place: "editor-2").
 * Secrets are compared in constant time and never logged; the audit trail and logs show the name.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ServerOptions } from '../config.js';

export type Scope = 'read' | 'analyst' | 'editor';

export interface Caller {
  token: 'none' | 'invalid' | 'valid';
  scopes: ReadonlySet<Scope>;
  /** The valid token's name ("alice"), for the audit trail and logs; null without one. */
  name: string | null;
}

function bearerToken(request: Request | undefined): string | null {
  const header = request?.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** Hashing first makes every comparison the same length, so timing tells nothing about a token. */
const digest = (token: string) => createHash('sha256').update(token).digest();

/** "name:secret" or "secret" (then named "<list>-<place>"). */
function parseEntry(entry: string, list: string, place: number): { name: string; secret: string } {
  const colon = entry.indexOf(':');
  return colon > 0
    ? { name: entry.slice(0, colon), secret: entry.slice(colon + 1) }
    : { name: `${list}-${place + 1}`, secret: entry };
}

/** The name of the entry whose secret is `token`, or null. Every entry is compared, so timing tells nothing. */
function nameOf(token: string, list: string, entries: readonly string[] = []): string | null {
  const presented = digest(token);
  let found: string | null = null;
  entries.forEach((entry, place) => {
    const { name, secret } = parseEntry(entry, list, place);
    if (timingSafeEqual(presented, digest(secret)) && found === null) found = name;
  });
  return found;
}

export function callerOf(request: Request | undefined, options: ServerOptions): Caller {
  const token = bearerToken(request);
  const scopes = new Set<Scope>();
  let name: string | null = null;
  if (token) {
    const analyst = nameOf(token, 'analyst', options.analystTokens);
    const editor = nameOf(token, 'editor', options.editorTokens);
    const reader = nameOf(token, 'reader', options.readTokens);
    if (analyst) scopes.add('analyst').add('read');
    if (editor) scopes.add('editor').add('read');
    if (reader) scopes.add('read');
    name = analyst ?? editor ?? reader;
  }
  const state = token === null ? 'none' : scopes.size > 0 ? 'valid' : 'invalid';
  // without REQUIRE_AUTH anyone may read
  if (!options.requireAuth) scopes.add('read');
  return { token: state, scopes, name };
}

const SCOPE_WORDS: Record<Scope, { needs: string; may: string }> = {
  read: { needs: 'a read', may: 'reads' },
  analyst: { needs: 'an analyst', may: 'analyst features' },
  editor: { needs: 'an editor', may: 'edits' },
};

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
      message: `this needs ${SCOPE_WORDS[scope].needs} token: send "Authorization: Bearer <token>"`,
    };
  if (caller.token === 'invalid') return { code: 'UNAUTHENTICATED', message: 'that token is not valid here' };
  return { code: 'FORBIDDEN', message: `this token may not use ${SCOPE_WORDS[scope].may}` };
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
