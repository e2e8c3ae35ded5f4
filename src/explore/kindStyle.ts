/** How each kind of entity is drawn, the same in the explorer and in exported files. */
import type { EntityKind } from '../domain/kinds.js';

export const KIND_STYLE: Record<EntityKind, { colour: string; shape: string; label: string }> = {
  PERSON: { colour: '#4e79a7', shape: 'ellipse', label: 'Person' },
  ORGANISATION: { colour: '#f28e2b', shape: 'round-rectangle', label: 'Organisation' },
  PRODUCTION: { colour: '#e15759', shape: 'star', label: 'Production' },
  LOCATION: { colour: '#59a14f', shape: 'triangle', label: 'Location' },
  EVENT: { colour: '#b07aa1', shape: 'diamond', label: 'Event' },
};
