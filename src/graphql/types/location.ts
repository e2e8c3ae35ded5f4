/** Location: places, and what happened there. */
import { via } from '../related.js';
import { entityListField, implementEntityKind } from './entityKinds.js';
import { EventRef, LocationRef } from '../refs.js';

implementEntityKind(LocationRef, 'LOCATION', {
  description: 'A place: a state, a film set.',
  fields: (t) => ({
    locationType: t.exposeString('locationType', {
      nullable: true,
      description: 'E.g. "film set", as the sources put it.',
    }),
    within: t.field({
      type: LocationRef,
      nullable: true,
      description: 'The place it lies in (LOCATED_IN), when a source says.',
      ...via('LOCATED_IN', 'OUT', 'entity', 'LOCATION'),
    }),
    events: t.field({
      type: [EventRef],
      description: 'Events that occurred (or are planned) there, in timeline order.',
      ...via('OCCURRED_AT', 'IN', 'entities', 'EVENT'),
    }),
  }),
});

entityListField(LocationRef, 'LOCATION', 'locations', 'Every location, by name then key.');
