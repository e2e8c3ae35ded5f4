/** Person: the people a source names, what they worked on, took part in, and who represents whom. */
import { relatedEntities, relationshipsVia } from '../related.js';
import { CreditRef, ParticipationRef } from '../refs.js';
import { entityListField, implementEntityKind } from './entityKinds.js';
import { PersonRef } from '../refs.js';

implementEntityKind(PersonRef, 'PERSON', {
  description: 'A person the sources name.',
  fields: (t) => ({
    occupations: t.exposeStringList('occupations', { description: 'Only as a source states them.' }),
    credits: t.field({
      type: [CreditRef],
      description: 'Productions worked on, with the role, by production name.',
      resolve: (p, _args, context) => relationshipsVia(p, context, 'WORKED_ON', 'OUT'),
    }),
    participations: t.field({
      type: [ParticipationRef],
      description: 'Events taken part in, with the role, in timeline order.',
      resolve: (p, _args, context) => relationshipsVia(p, context, 'PARTICIPATED_IN', 'OUT'),
    }),
    representedBy: t.field({
      type: [PersonRef],
      description: 'The people who represent this person (e.g. as legal counsel), by name.',
      resolve: (p, _args, context) => relatedEntities(p, context, 'REPRESENTS', 'IN', 'PERSON'),
    }),
    represents: t.field({
      type: [PersonRef],
      description: 'The people this person represents, by name.',
      resolve: (p, _args, context) => relatedEntities(p, context, 'REPRESENTS', 'OUT', 'PERSON'),
    }),
  }),
});

entityListField(PersonRef, 'PERSON', 'people', 'Every person, by name then key.');
