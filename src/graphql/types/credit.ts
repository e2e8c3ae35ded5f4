/** Credit and Participation: a WORKED_ON or PARTICIPATED_IN relationship, read as what it means. */
import type { Entity, Relationship } from '../../domain/model.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { EntityRef } from './entity.js';
import { EvidenceRef } from './evidence.js';
import { EventRef, PersonRef, ProductionRef } from './kindRefs.js';

async function endOf(key: string, { loaders }: Context): Promise<Entity> {
  const entity = await loaders.entity.load(key);
  if (!entity) throw new Error(`relationship end ${key} is missing from the store`);
  return entity;
}

export const CreditRef = builder.objectRef<Relationship>('Credit').implement({
  description: 'A person\'s work on a production, with the role the sources give (if any).',
  fields: (t) => ({
    person: t.field({ type: PersonRef, description: 'Who worked on it.', resolve: (r, _args, context) => endOf(r.from, context) }),
    production: t.field({ type: ProductionRef, description: 'What they worked on.', resolve: (r, _args, context) => endOf(r.to, context) }),
    role: t.exposeString('role', { nullable: true, description: 'E.g. "director"; null when the sources do not say.' }),
    evidence: t.field({ type: [EvidenceRef], description: 'The words that state it; never empty.', resolve: (r) => r.evidence }),
  }),
});

export const ParticipationRef = builder.objectRef<Relationship>('Participation').implement({
  description: 'An entity\'s part in an event.',
  fields: (t) => ({
    participant: t.field({ type: EntityRef, description: 'Who (a person or an organisation).', resolve: (r, _args, context) => endOf(r.from, context) }),
    event: t.field({ type: EventRef, description: 'In what.', resolve: (r, _args, context) => endOf(r.to, context) }),
    role: t.string({ description: 'E.g. "shooter", "injured", "decided", "reported".', resolve: (r) => r.role ?? '' }),
    evidence: t.field({ type: [EvidenceRef], description: 'The words that state it; never empty.', resolve: (r) => r.evidence }),
  }),
});
