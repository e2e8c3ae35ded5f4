/** The details panel: an entity, its actions, and what the sources say about it, in words. */
import { KIND_NAME, type EntityKind, type RelationshipType } from '@case-graph/domain/kinds.js';
import { assertionLabel, relationshipLabel } from '@case-graph/domain/labels.js';
import { button, byId, element } from './dom.js';
import type { EntityDetails } from './queries.js';

export interface DetailsActions {
  expand(): void;
  pathFrom(): void;
  pathTo(): void;
  /** The other end of a relationship was clicked. */
  select(id: string): void;
}

const HINT =
  'Search for someone, or pick an event on the timeline or an entity in the drawing, for what the sources say about it.';

export function clearDetails(): void {
  byId('details').replaceChildren(element('p', HINT, 'hint'));
}

export function renderDetails(details: EntityDetails, expanded: boolean, actions: DetailsActions): void {
  const panel = byId('details');
  const toolbar = element('p', '', 'actions');
  const expand = button(expanded ? 'Expanded' : 'Expand', actions.expand);
  expand.id = 'expand';
  expand.disabled = expanded;
  toolbar.append(
    expand,
    button('Path from here', actions.pathFrom, 'path-from-here'),
    button('Path to here', actions.pathTo, 'path-to-here'),
  );

  const relationships = element('ul', '', 'relationships');
  for (const { node: r } of details.relationships.edges) {
    const item = element('li', '', 'relationship');
    const outgoing = r.from.id === details.id;
    const other = outgoing ? r.to : r.from;
    // read from this entity: "took part in (as cleared) Baldwin cleared of charges", "had working on it Alec Baldwin"
    const words = relationshipLabel(r.type as RelationshipType, r.role, outgoing ? 'forward' : 'backward');
    item.append(
      `${words} `,
      button(other.name, () => actions.select(other.id), 'link'),
    );
    for (const e of r.evidence) {
      const asserted = assertionLabel(e.modality, e.assertedBy);
      const quote = element('blockquote', '', 'evidence');
      if (asserted) quote.append(element('span', asserted, 'modality'), ' ');
      quote.append(element('span', `“${e.quote}”`, 'quote'));
      item.append(quote);
    }
    relationships.append(item);
  }
  const shown = details.relationships.edges.length;
  const total = details.relationships.totalCount;
  panel.replaceChildren(
    element('h2', details.name),
    element('p', KIND_NAME[details.kind as EntityKind] ?? details.kind, 'kind'),
    ...(details.aliases.length ? [element('p', `Also called ${details.aliases.join(', ')}`)] : []),
    ...(details.summary ? [element('p', details.summary)] : []),
    toolbar,
    element('h3', total > shown ? `What the sources say (the first ${shown} of ${total})` : 'What the sources say'),
    relationships,
  );
}
