/** Production: a film and who worked on it, what happened to it, where it is filmed. */
import { relatedEntities, relationshipsVia } from '../related.js';
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
      resolve: (p, args, context) => relationshipsVia(p, context, 'WORKED_ON', 'IN', undefined, args.modality),
    }),
    events: t.field({
      type: [EventRef],
      description: 'Events that concern it, in timeline order.',
      resolve: (p, _args, context) => relatedEntities(p, context, 'CONCERNS', 'IN', 'EVENT'),
    }),
    filmingLocations: t.field({
      type: [LocationRef],
      description:
        'Where it was filmed or is to be: modality: [STATED] for where the sources say it was, [PLANNED] for plans.',
      args: { modality: t.arg({ type: [ModalityEnum], required: false, description: MODALITY_ARG }) },
      resolve: (p, args, context) => relatedEntities(p, context, 'FILMED_AT', 'OUT', 'LOCATION', args.modality),
    }),
  }),
});

entityListField(ProductionRef, 'PRODUCTION', 'productions', 'Every production, by name then key.');
