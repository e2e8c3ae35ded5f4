/** The schema: imports every type module (each registers itself on the builder) and builds it. */
import { builder } from './builder.js';
import './types/enums.js';
import './types/partialDate.js';
import './types/source.js';
import './types/evidence.js';
import './types/entity.js';
import './types/relationship.js';
import './types/filters.js';
import './types/credit.js';
import './types/person.js';
import './types/organisation.js';
import './types/production.js';
import './types/location.js';
import './types/event.js';
import './types/search.js';
import './types/mostConnected.js';
import './types/exploration.js';
import './types/cypher.js';
import './types/graphChanged.js';
import './types/claims.js';
import './types/change.js';
import './types/mutations.js';
import './types/drafts.js';
import './types/suggestionMutations.js';

export const schema = builder.toSchema({ sortSchema: false });
