/**
 * Global IDs: opaque base64 of "Typename:key". A string that does not decode to one of our node
 * types is a client error (BAD_USER_INPUT), not a masked crash; a well-formed ID whose key names
 * nothing resolves to null.
 */
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { badUserInput } from './errors.js';

export const NODE_TYPENAMES = ['Person', 'Organisation', 'Production', 'Location', 'Event', 'Relationship', 'Source'] as const;

export { encodeGlobalID };

export function decodeId(globalID: string): { typename: string; id: string } {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalID);
  } catch {
    throw badUserInput(`"${globalID}" is not a valid ID`);
  }
  if (!(NODE_TYPENAMES as readonly string[]).includes(decoded.typename)) {
    throw badUserInput(`"${globalID}" is not a valid ID`);
  }
  return decoded;
}
