/** The schema: imports every type module (each registers itself on the builder) and builds it. */
import { builder } from './builder.js';
import './types/enums.js';
import './types/partialDate.js';
import './types/source.js';
import './types/evidence.js';
import './types/entity.js';
import './types/relationship.js';
import './types/kinds.js';

export const schema = builder.toSchema({ sortSchema: false });
