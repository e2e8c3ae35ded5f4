/** Person: the people a source names, what they worked on, took part in, and who represents whom. */
import { via } from '../related.js';
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
      ...via('WORKED_ON', 'OUT', 'relationships'),
    }),
    participations: t.field({
      type: [ParticipationRef],
      description: 'Events taken part in, with the role, in timeline order.',
      ...via('PARTICIPATED_IN', 'OUT', 'relationships'),
    }),
    representedBy: t.field({
      type: [PersonRef],
      description: 'The people who represent this person (e.g. as legal counsel), by name.',
      ...via('REPRESENTS', 'IN', 'entities', 'PERSON'),
    }),
    represents: t.field({
      type: [PersonRef],
      description: 'The people this person represents, by name.',
      ...via('REPRESENTS', 'OUT', 'entities', 'PERSON'),
    }),
  }),
});

entityListField(PersonRef, 'PERSON', 'people', 'Every person, by name then key.');
