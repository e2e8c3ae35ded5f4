/** "In view": what is drawn, by name, each a button that selects it; and the count beside the drawing. */
import { button, byId, element } from './dom.js';
import type { GraphView } from './graphTypes.js';

/** Long lists are cut: a case opened on its hubs may draw hundreds. */
const MOST_LISTED = 300;

export function renderInView(view: GraphView, selected: string | null, onPick: (id: string) => void): void {
  const nodes = view.nodes().sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const items = nodes.slice(0, MOST_LISTED).map((n) => {
    const item = element('li');
    const pick = button(n.name, () => onPick(n.id));
    pick.dataset.id = n.id;
    if (n.id === selected) pick.setAttribute('aria-current', 'true');
    item.append(pick);
    return item;
  });
  if (nodes.length > MOST_LISTED) items.push(element('li', `and ${nodes.length - MOST_LISTED} more`, 'hint'));
  byId('in-view').replaceChildren(...items);
  const drawn = { nodes: nodes.length, edges: view.edges().length };
  const visible = view.visibleCount();
  const hidden = drawn.nodes - visible.nodes + (drawn.edges - visible.edges);
  byId('status').textContent =
    `${visible.nodes} entities, ${visible.edges} relationships in view` +
    (hidden > 0 ? ` (${hidden} hidden by the filters)` : '');
}
