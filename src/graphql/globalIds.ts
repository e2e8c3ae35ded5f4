/**
 * Global IDs: opaque base64 of "Typename:key". A string that does not decode to one of our node
 * types is a client error (BAD_USER_INPUT), not a masked crash; a well-formed ID whose key names
 * nothing resolves to null.
 */
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { KIND_NAME } from '../domain/kinds.js';
import type { Entity } from '../domain/model.js';
import { badUserInput } from './errors.js';

/** The GraphQL object type of each kind of entity is the kind's name. */
export const ENTITY_TYPENAMES: readonly string[] = Object.values(KIND_NAME);
const NODE_TYPENAMES: readonly string[] = [...ENTITY_TYPENAMES, 'Relationship', 'Source'];

export { encodeGlobalID };

export function decodeId(globalID: string): { typename: string; id: string } {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalID);
  } catch {
    throw badUserInput(`"${globalID}" is not a valid ID`);
  }
  if (!NODE_TYPENAMES.includes(decoded.typename)) {
    throw badUserInput(`"${globalID}" is not a valid ID`);
  }
  return decoded;
}

/**
 * An argument's ID decoded, when it is the ID of one of `typenames` (described to the client as
 * `what`); any other ID is BAD_USER_INPUT naming the argument.
 */
export function decodeIdOf(id: string, argument: string, typenames: readonly string[], what = typenames.join(' or ')) {
  const decoded = decodeId(id);
  if (!typenames.includes(decoded.typename))
    throw badUserInput(`${argument} must be the ID of ${what}, got a ${decoded.typename} ID`);
  return decoded;
}

/** The entity a global ID names, or null; an ID of something else (a Source, say) is BAD_USER_INPUT naming the argument. */
export async function entityOfId(
  id: string,
  argument: string,
  load: (key: string) => Promise<Entity | null>,
): Promise<Entity | null> {
  const { typename, id: key } = decodeIdOf(id, argument, ENTITY_TYPENAMES, 'an entity');
  const entity = await load(key);
  // a Person ID whose key names an event names nothing
  return entity && KIND_NAME[entity.kind] === typename ? entity : null;
}
