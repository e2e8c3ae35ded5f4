/** Bearer tokens: read from the request, compared in constant time, never logged. */
import { createHash, timingSafeEqual } from 'node:crypto';

export function bearerToken(request: Request | undefined): string | null {
  const header = request?.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** Hashing first makes every comparison the same length, so timing tells nothing about a token. */
const digest = (token: string) => createHash('sha256').update(token).digest();

export function isOneOf(token: string, allowed: readonly string[]): boolean {
  const presented = digest(token);
  let found = false;
  for (const candidate of allowed) found = timingSafeEqual(presented, digest(candidate)) || found;
  return found;
}
