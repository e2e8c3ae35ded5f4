/** Production: a film and who worked on it, what happened to it, where it is filmed. */
import { via } from '../related.js';
import { MODALITY_ARG, ModalityEnum } from './claims.js';
import { CreditRef } from '../refs.js';
import { entityListField, implementEntityKind } from './entityKinds.js';
import { EventRef, LocationRef, ProductionRef } from '../refs.js';

implementEntityKind(ProductionRef, 'PRODUCTION', {
  description: 'A film or other production.',
  fields: (t) => ({
    productionType: t.exposeString('productionType', {
      nullable: true,
      description: 'E.g. "movie", as the source says.',
    }),
    credits: t.field({
      type: [CreditRef],
      description: 'Who worked on it, with their roles, by name.',
      args: { modality: t.arg({ type: [ModalityEnum], required: false, description: MODALITY_ARG }) },
      ...via('WORKED_ON', 'IN', 'relationships'),
    }),
    events: t.field({
      type: [EventRef],
      description: 'Events that concern it, in timeline order.',
      ...via('CONCERNS', 'IN', 'entities', 'EVENT'),
    }),
    filmingLocations: t.field({
      type: [LocationRef],
      description:
        'Where it was filmed or is to be: modality: [STATED] for where the sources say it was, [PLANNED] for plans.',
      args: { modality: t.arg({ type: [ModalityEnum], required: false, description: MODALITY_ARG }) },
      ...via('FILMED_AT', 'OUT', 'entities', 'LOCATION'),
    }),
  }),
});

entityListField(ProductionRef, 'PRODUCTION', 'productions', 'Every production, by name then key.');
