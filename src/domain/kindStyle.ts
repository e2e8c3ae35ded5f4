/** How each kind of entity is drawn, the same in the explorer and in exported files (its name is KIND_NAME). */
import type { EntityKind } from './kinds.js';

export const KIND_STYLE: Record<EntityKind, { colour: string; shape: string }> = {
  PERSON: { colour: '#4e79a7', shape: 'ellipse' },
  ORGANISATION: { colour: '#f28e2b', shape: 'round-rectangle' },
  PRODUCTION: { colour: '#e15759', shape: 'star' },
  LOCATION: { colour: '#59a14f', shape: 'triangle' },
  EVENT: { colour: '#b07aa1', shape: 'diamond' },
};
