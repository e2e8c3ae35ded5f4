/** Credit and Participation: a WORKED_ON or PARTICIPATED_IN relationship, read as what it means. */
import { endResolver } from '../prefetch/prefetched.js';
import { CreditRef, EntityRef, EventRef, EvidenceRef, ParticipationRef, PersonRef, ProductionRef } from '../refs.js';

CreditRef.implement({
  description: "A person's work on a production, with the role the sources give (if any).",
  fields: (t) => ({
    person: t.field({
      type: PersonRef,
      description: 'Who worked on it.',
      ...endResolver('from'),
    }),
    production: t.field({
      type: ProductionRef,
      description: 'What they worked on.',
      ...endResolver('to'),
    }),
    role: t.exposeString('role', { nullable: true, description: 'E.g. "director"; null when the sources do not say.' }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The words that state it; never empty.',
      resolve: (r) => r.evidence,
    }),
  }),
});

ParticipationRef.implement({
  description: "An entity's part in an event.",
  fields: (t) => ({
    participant: t.field({
      type: EntityRef,
      description: 'Who (a person or an organisation).',
      ...endResolver('from'),
    }),
    event: t.field({
      type: EventRef,
      description: 'In what.',
      ...endResolver('to'),
    }),
    role: t.string({
      description: 'E.g. "inadvertently discharged", "injured", "decided", "reported".',
      resolve: (r) => r.role ?? '',
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The words that state it; never empty.',
      resolve: (r) => r.evidence,
    }),
  }),
});
