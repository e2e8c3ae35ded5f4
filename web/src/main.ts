/** The explorer: search, expand, connect, and read the words behind every fact. */
import { KIND_STYLE } from '@case-graph/domain/kindStyle.js';
import { KIND_NAME } from '@case-graph/domain/kinds.js';
import {
  detailsOf,
  neighbourhoodOf,
  pathBetween,
  searchEntities,
  sourceTexts,
  timelineEvents,
  watchChanges,
  wholeCase,
  type ChangeNotice,
  type EntitySummary,
  type SourceText,
} from './api.js';
import { addSubgraph, createGraphView } from './graphView.js';
import { renderSource } from './sourceView.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const element = (tag: string, text = '', className = '') => {
  const e = document.createElement(tag);
  e.textContent = text;
  if (className) e.className = className;
  return e;
};

let selected: EntitySummary | null = null;
let pathFrom: EntitySummary | null = null;
let pathTo: EntitySummary | null = null;
let sources: SourceText[] = [];

const cy = createGraphView($('graph'), (node) => void select(node));

function status(text: string): void {
  $('status').textContent = text;
}

function renderInView(): void {
  const names = cy
    .nodes()
    .map((n) => n.data('name') as string)
    .sort();
  $('in-view').replaceChildren(...names.map((name) => element('li', name)));
  status(`${names.length} entities, ${cy.edges().length} relationships in view`);
}

function show(subgraph: Parameters<typeof addSubgraph>[1]): void {
  addSubgraph(cy, subgraph);
  renderInView();
}

async function select(node: EntitySummary): Promise<void> {
  if (cy.getElementById(node.id).empty()) show({ nodes: [node], edges: [], truncated: false });
  cy.nodes().unselect();
  cy.getElementById(node.id).select();
  selected = node;
  const details = await detailsOf(node.id);
  if (!details) return;
  const panel = $('details');
  const actions = element('p');
  const expand = element('button', 'Expand');
  expand.id = 'expand';
  expand.addEventListener('click', () => void expandSelected());
  const from = element('button', 'Path from here');
  from.addEventListener('click', () => {
    pathFrom = node;
    renderPathFinder();
  });
  const to = element('button', 'Path to here');
  to.addEventListener('click', () => {
    pathTo = node;
    renderPathFinder();
  });
  actions.append(expand, ' ', from, ' ', to);

  const relationships = element('ul');
  for (const { node: r } of details.relationships.edges) {
    const item = element('li', '', 'relationship');
    item.append(`${r.from.name} — ${r.type}${r.role ? ` (${r.role})` : ''} → ${r.to.name}: `);
    for (const e of r.evidence) {
      // a claim that is not stated as fact says so: "PLANNED", "REPORTED by informed sources"
      if (e.modality && e.modality !== 'STATED') {
        item.append(element('span', `${e.modality}${e.assertedBy ? ` by ${e.assertedBy}` : ''}`, 'modality'), ' ');
      } else if (e.assertedBy) item.append(element('span', `per ${e.assertedBy}`, 'modality'), ' ');
      item.append(element('span', `“${e.quote}”`, 'quote'), ' ');
    }
    relationships.append(item);
  }
  panel.replaceChildren(
    element('h2', details.name),
    element('p', KIND_NAME[details.kind as keyof typeof KIND_NAME] ?? details.kind, 'kind'),
    ...(details.aliases.length ? [element('p', `Also: ${details.aliases.join(', ')}`)] : []),
    ...(details.summary ? [element('p', details.summary)] : []),
    actions,
    element('h2', 'What the sources say'),
    relationships,
  );
  const quotes = [...details.mentions, ...details.relationships.edges.flatMap((e) => e.node.evidence)];
  const source = sources.find((s) => details.mentions.some((m) => m.source.key === s.key)) ?? sources[0];
  if (source) renderSource($('source-text'), $('source-title'), source, quotes, details.mentions);
}

async function expandSelected(): Promise<void> {
  if (!selected) return;
  const subgraph = await neighbourhoodOf(selected.id);
  show(subgraph);
  if (subgraph.truncated) status('Only the nearest entities are shown: there are more.');
}

function renderPathFinder(): void {
  $('path-from').textContent = pathFrom?.name ?? '—';
  $('path-to').textContent = pathTo?.name ?? '—';
  $<HTMLButtonElement>('find-path').disabled = !(pathFrom && pathTo);
}

async function findPath(): Promise<void> {
  if (!pathFrom || !pathTo) return;
  const path = await pathBetween(pathFrom.id, pathTo.id);
  cy.elements().removeClass('on-path');
  if (!path) {
    $('path-result').textContent = `No path within 6 steps between ${pathFrom.name} and ${pathTo.name}.`;
    return;
  }
  show(path);
  for (const item of [...path.nodes, ...path.edges]) cy.getElementById(item.id).addClass('on-path');
  $('path-result').textContent = `${path.length} step(s): ${path.nodes.map((n) => n.name).join(' → ')}`;
}

let searchTimer: ReturnType<typeof setTimeout> | undefined;
async function runSearch(text: string): Promise<void> {
  const list = $('search-results');
  if (!/[\p{L}\p{N}]/u.test(text)) {
    list.replaceChildren();
    return;
  }
  const hits = await searchEntities(text);
  list.replaceChildren(
    ...hits.map((hit) => {
      const item = element('li');
      const button = element('button', `${hit.name} `);
      button.append(element('span', hit.kind, 'kind'));
      button.addEventListener('click', () => {
        list.replaceChildren();
        void select(hit);
      });
      item.append(button);
      return item;
    }),
  );
}

async function start(): Promise<void> {
  $('legend').replaceChildren(
    ...Object.entries(KIND_STYLE).map(([kind, style]) => {
      const item = element('li');
      const swatch = element('span');
      swatch.style.background = style.colour;
      item.append(swatch, KIND_NAME[kind as keyof typeof KIND_NAME]);
      return item;
    }),
  );
  $('search').addEventListener('input', (event) => {
    clearTimeout(searchTimer);
    const text = (event.target as HTMLInputElement).value;
    searchTimer = setTimeout(() => void runSearch(text), 150);
  });
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void runSearch($<HTMLInputElement>('search').value);
  });
  $('whole-case').addEventListener('click', async () => show(await wholeCase()));
  $('clear').addEventListener('click', () => {
    cy.elements().remove();
    renderInView();
  });
  $('find-path').addEventListener('click', () => void findPath());

  sources = await sourceTexts();
  if (sources[0]) renderSource($('source-text'), $('source-title'), sources[0], [], []);
  const events = await timelineEvents();
  $('timeline').replaceChildren(
    ...events.map((event) => {
      const item = element('li');
      const button = element('button', event.name);
      button.prepend(element('span', event.date?.text ?? 'date not given', 'date'));
      button.addEventListener('click', () => void select(event));
      item.append(button);
      return item;
    }),
  );
  renderInView();
  void watchChanges((change) => void refreshAfter(change));
  document.body.dataset.ready = 'true';
}

/**
 * A write landed (here or in another editor's window): the entity on show, and what is drawn of
 * its neighbourhood, are read again when the write touched them, so the view never needs a reload.
 */
async function refreshAfter(change: ChangeNotice): Promise<void> {
  const touched = new Set(change.entityKeys);
  for (const node of cy.nodes().filter((n) => touched.has(n.data('key') as string))) {
    const around = await neighbourhoodOf(node.id()).catch(() => null);
    if (!around?.nodes.some((n) => n.id === node.id())) {
      node.remove(); // merged away
      continue;
    }
    // a retracted claim leaves the drawing; new ones join it
    const current = new Set(around.edges.map((e) => e.id));
    node
      .connectedEdges()
      .filter((e) => !current.has(e.id()))
      .remove();
    show(around);
  }
  if (selected && touched.has(selected.key)) await select(selected).catch(() => undefined);
  renderInView();
  status(`Change ${change.seq} (${change.action.toLowerCase().replaceAll('_', ' ')}) by ${change.actor}`);
  document.body.dataset.lastChange = String(change.seq);
}

// For debugging in the browser's console, and for tests that look at the drawing itself.
Object.assign(window, { explorer: { cy } });
void start().catch((error: unknown) => status(`Could not load: ${(error as Error).message}`));
