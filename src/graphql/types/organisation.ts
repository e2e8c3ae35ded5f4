/** Organisation: authorities, news outlets, studios. */
import { via } from '../related.js';
import { ParticipationRef } from '../refs.js';
import { entityListField, implementEntityKind } from './entityKinds.js';
import { LocationRef, OrganisationRef } from '../refs.js';

implementEntityKind(OrganisationRef, 'ORGANISATION', {
  description: 'An organisation the sources name: an authority, a news outlet, a studio.',
  fields: (t) => ({
    organisationType: t.exposeString('organisationType', {
      nullable: true,
      description: 'What kind of organisation, as the sources put it.',
    }),
    jurisdiction: t.field({
      type: LocationRef,
      nullable: true,
      description: 'The place whose authority it exercises (HAS_JURISDICTION).',
      ...via('HAS_JURISDICTION', 'OUT', 'entity'),
    }),
    participations: t.field({
      type: [ParticipationRef],
      description: 'Events it took part in, with the role, in timeline order.',
      ...via('PARTICIPATED_IN', 'OUT', 'relationships'),
    }),
  }),
});

entityListField(OrganisationRef, 'ORGANISATION', 'organisations', 'Every organisation, by name then key.');
