/**
 * The explorer: opens on the case, then search, expand, connect, filter, and read the words
 * behind every fact. This file wires the views to one state, which the URL mirrors (urlState.ts).
 */
import { humanise } from '@case-graph/domain/labels.js';
import { openingOfCase } from './caseOpening.js';
import { clearDetails, renderDetails } from './detailsView.js';
import { byId } from './dom.js';
import { dismissError, setUpErrorBanner, showError } from './errorBanner.js';
import { setUpDataExport, setUpPictureExport, updateDataExportLinks } from './exportLinks.js';
import { setUpFilterPanel } from './filterPanel.js';
import { keepFor } from './filters.js';
import type { ViewGroup } from './graphTypes.js';
import { createGraphView } from './graphView.js';
import { GROUP_PAGE, groupLabel, planExpansion } from './hubs.js';
import { renderGroupList } from './groupList.js';
import { renderInView } from './inViewList.js';
import { renderLegend } from './legend.js';
import { type ChangeNotice, watchChanges } from './liveChanges.js';
import { type PathEnd, renderPathEnds, showPathResult } from './pathFinder.js';
import {
  countsOf,
  detailsOf,
  draftsToReview,
  type EntitySummary,
  type Found,
  pathBetween,
  relationshipsOf,
  type SourceText,
  sourceTexts,
  timelineEvents,
} from './queries.js';
import { run } from './pageQueue.js';
import { renderDraftList } from './reviewList.js';
import { closeReview, openReview, refreshReview, reviewing, setUpReview } from './reviewView.js';
import { setUpSearchBox } from './searchBox.js';
import { copyLink } from './shareLink.js';
import { renderSource } from './sourceView.js';
import { setUpKeyboard } from './keyboard.js';
import { followSystemTheme } from './theme.js';
import { markTimeline, renderTimeline } from './timelineView.js';
import { type Period, periodOf, toView } from './toView.js';
import { EMPTY_STATE, parseViewState, type ViewState, writeViewState } from './urlState.js';

/**
 * The most entities drawn at once, unless the link says otherwise (?max=, urlState.ts): beyond
 * this a drawing is no longer read, only looked at. Fixed for the page's life: the drawing is made once.
 */
const MAX_NODES = parseViewState(location.search).maxNodes ?? 500;
/** Relationships drawn one by one when expanding (the rest of a hub comes as groups). */
const EXPAND_PAGE = 100;
const EXPAND_MOST = 400;
/** What an ID from an old link, or from before a merge, gets. */
const GONE =
  'That entity is not in the graph (any more): it may have been merged into another, or the link is from another case.';

let state: ViewState = structuredClone(EMPTY_STATE);
/** Every entity the page has heard of: names for the path finder, periods for the date filter. */
const known = new Map<string, EntitySummary>();
const periods = new Map<string, Period>();
/** Where each opened group's next page starts, and how many of it are drawn. */
const groupPages = new Map<string, { group: ViewGroup; next: string | null; drawn: number }>();
/** The groups drawn now (GraphView cannot list them), for the list beside the drawing. */
const shownGroups = new Map<string, ViewGroup>();
let sources: SourceText[] = [];

const view = createGraphView(byId('graph'), {
  onSelect: (node) => run(() => selectEntity(node.id)),
  onOpenGroup: (group) => run(() => openGroup(group)),
  onBackground: () => run(async () => deselect()),
  maxNodes: MAX_NODES,
});
const filterPanel = setUpFilterPanel((filters) => {
  state.filters = filters;
  applyFilters();
  writeViewState(state, false);
});
const searchBox = setUpSearchBox((entity) => run(() => selectEntity(entity.id)));

function showGroups(add: readonly ViewGroup[], remove: readonly string[] = []): void {
  for (const id of remove) {
    view.removeGroup(id);
    // a group replaced by what is left of it keeps its place in the list
    if (!add.some((g) => g.id === id)) shownGroups.delete(id);
  }
  view.addGroups(add);
  for (const g of add) shownGroups.set(g.id, g);
  renderGroupList(
    [...shownGroups.values()],
    (id) => known.get(id)?.name ?? 'it',
    (g) => void run(() => openGroup(g)),
  );
}

function note(text: string): void {
  byId('note').textContent = text;
}

/** The list of what is drawn, its count, and the data exports' links, which follow the selection (or the last expansion). */
function refreshInView(): void {
  renderInView(view, state.select, (id) => void run(() => selectEntity(id)));
  updateDataExportLinks(state.select ?? state.expand.at(-1) ?? null);
}

function applyFilters(): void {
  view.filter(keepFor(state.filters, (id) => periods.get(id)));
  refreshInView();
}

/** Draws what `found` brought, remembers its entities, and says when the drawing is full. */
function draw(found: Found): { added: number; leftOut: number } {
  const { nodes, edges, entities } = toView(found);
  for (const entity of entities) {
    known.set(entity.id, entity);
    periods.set(entity.id, periodOf(entity));
  }
  const result = view.add(nodes, edges);
  applyFilters();
  if (result.leftOut > 0) {
    note(
      `${result.leftOut} more entities were not drawn: the drawing holds ${MAX_NODES} at most. Clear it, or filter, to see others.`,
    );
  }
  return result;
}

async function openCase(): Promise<void> {
  const opening = await openingOfCase();
  draw(opening.found);
  byId('case-note').textContent = opening.note ?? '';
  byId('case-note').hidden = !opening.note;
  view.fit();
}

async function nameOf(id: string): Promise<PathEnd> {
  const entity = known.get(id) ?? (await countsOf(id))?.entity;
  if (!entity) throw new Error(GONE);
  known.set(id, entity);
  return { id, name: entity.name };
}

async function showPathEnds(): Promise<void> {
  const { from, to } = state.path;
  renderPathEnds(
    from ? await nameOf(from) : null,
    to ? await nameOf(to) : null,
    (id) => void run(() => selectEntity(id)),
  );
}

async function selectEntity(id: string, push = true): Promise<void> {
  const details = await detailsOf(id, known.get(id)?.name);
  if (!details) throw new Error(GONE);
  state.select = id;
  if (!view.nodes().some((n) => n.id === id)) draw({ nodes: [details], edges: [] });
  view.select(id);
  renderDetails(details, state.expand.includes(id), {
    expand: () => void run(() => expandEntity(id)),
    pathFrom: () => void run(() => setPathEnd('from', id)),
    pathTo: () => void run(() => setPathEnd('to', id)),
    select: (other) => void run(() => selectEntity(other)),
  });
  const quotes = [...details.mentions, ...details.relationships.edges.flatMap((e) => e.node.evidence)];
  const source = sources.find((s) => details.mentions.some((m) => m.source.key === s.key)) ?? sources[0];
  if (source) renderSource(byId('source-text'), byId('source-title'), source, quotes, details.mentions);
  markTimeline(id);
  refreshInView();
  if (push) writeViewState(state, true);
}

function deselect(push = true): void {
  if (!state.select) return;
  state.select = null;
  view.select(null);
  clearDetails();
  markTimeline(null);
  refreshInView();
  if (push) writeViewState(state, true);
}

/** Opens the review of `key`'s draft, or closes the review (null); nothing happens when it already shows that. */
async function showReview(key: string | null): Promise<void> {
  if (key === reviewing()) return;
  if (key) await openReview(key);
  else closeReview();
}

async function review(key: string | null): Promise<void> {
  const was = reviewing();
  await showReview(key);
  state.review = key;
  writeViewState(state, true);
  // closed, the focus goes back to where the review was opened from
  if (!key && was) document.querySelector<HTMLElement>(`#drafts button[data-source="${CSS.escape(was)}"]`)?.focus();
}

/** The sources with drafts, beside the drawing; each opens its review. */
async function listDrafts(): Promise<void> {
  renderDraftList(await draftsToReview(), (key) => void run(() => review(key)));
}

/** Draws an entity's neighbours; a type with too many of them around it comes as a group instead. */
async function expandEntity(id: string, push = true): Promise<void> {
  const counted = await countsOf(id, known.get(id)?.name);
  if (!counted) throw new Error(GONE);
  const plan = planExpansion(id, counted.counts);
  const found: Found = { nodes: [counted.entity], edges: [] };
  if (plan.drawTypes === null || plan.drawTypes.length > 0) {
    let after: string | null = null;
    do {
      const page = await relationshipsOf(id, { types: plan.drawTypes, direction: 'BOTH', first: EXPAND_PAGE, after });
      found.edges.push(...page.edges);
      after = page.next;
    } while (after && found.edges.length < EXPAND_MOST);
  }
  const { added } = draw(found);
  const groups = plan.groups.filter((g) => !groupPages.has(g.id));
  showGroups(groups);
  if (!state.expand.includes(id)) state.expand.push(id);
  note(
    `${counted.entity.name}: ${added} new in the drawing.` +
      (groups.length
        ? ` Too many to draw at once: ${groups.map((g) => g.label).join(', ')}; click a group to draw a page of it.`
        : ''),
  );
  if (state.select === id) await selectEntity(id, false);
  if (push) writeViewState(state, true);
}

/** Draws the next page of a group, and puts back what is left of it as a smaller group. */
async function openGroup(group: ViewGroup, push = true): Promise<void> {
  const opened = groupPages.get(group.id) ?? { group, next: null, drawn: 0 };
  const page = await relationshipsOf(group.around, {
    types: [group.type as never],
    direction: group.direction,
    first: GROUP_PAGE,
    after: opened.next,
  });
  opened.next = page.next;
  opened.drawn += page.edges.length;
  groupPages.set(group.id, opened);
  draw({ nodes: [], edges: page.edges });
  const left = page.next ? page.totalCount - opened.drawn : 0;
  showGroups(
    left > 0 ? [{ ...group, count: left, label: groupLabel(group.type as never, group.direction, left, true) }] : [],
    [group.id],
  );
  const around = known.get(group.around)?.name ?? 'it';
  const name = groupLabel(group.type as never, group.direction, page.totalCount).replace(/ \(.*\)$/, '');
  note(
    `Drew ${opened.drawn} of the ${page.totalCount} ${name} of ${around}${left > 0 ? `; ${left} left: click the group for more` : ''}.`,
  );
  const entry = state.groups.find((g) => g.id === group.id);
  if (entry) entry.pages++;
  else state.groups.push({ id: group.id, pages: 1 });
  if (push) writeViewState(state, true);
}

async function setPathEnd(end: 'from' | 'to', id: string): Promise<void> {
  state.path = { ...state.path, [end]: id };
  showPathResult('');
  view.highlight(null);
  await showPathEnds();
  writeViewState(state, true);
}

async function findPath(push = true): Promise<void> {
  const { from, to } = state.path;
  if (!from || !to) return;
  const [a, b] = [await nameOf(from), await nameOf(to)];
  const path = await pathBetween(from, to);
  if (!path) {
    view.highlight(null);
    showPathResult(`No path within 6 steps between ${a.name} and ${b.name}.`);
  } else {
    draw(path);
    view.highlight({ nodes: path.nodes.map((n) => n.id), edges: path.edges.map((e) => e.id) });
    showPathResult(`${path.length} step${path.length === 1 ? '' : 's'}: ${path.nodes.map((n) => n.name).join(' → ')}`);
  }
  if (push) writeViewState(state, true);
}

function clearPath(): void {
  state.path = { from: null, to: null };
  view.highlight(null);
  showPathResult('');
  renderPathEnds(null, null, () => undefined);
}

/** Empties the drawing and every panel; the URL then says "an empty view". */
function clearAll(): void {
  view.clear();
  shownGroups.clear();
  showGroups([]);
  state = { ...structuredClone(EMPTY_STATE), maxNodes: state.maxNodes, showCase: false };
  groupPages.clear();
  clearPath();
  clearDetails();
  markTimeline(null);
  filterPanel.show(state.filters);
  applyFilters();
  byId('case-note').hidden = true;
  closeReview();
  note('Cleared. Search for an entity, or show the case again.');
  dismissError();
  writeViewState(state, true);
}

/** Rebuilds the view `target` describes, from nothing: on load, on Back and Forward, after a write. */
async function restore(target: ViewState): Promise<void> {
  view.clear();
  shownGroups.clear();
  showGroups([]);
  groupPages.clear();
  note('');
  state = structuredClone(target);
  const wanted = structuredClone(target);
  filterPanel.show(state.filters);
  state.expand = [];
  state.groups = [];
  if (state.showCase) await openCase();
  else byId('case-note').hidden = true;
  // a link names what may since have gone (merged, another case): that part is skipped, and said
  const orSay = (step: Promise<unknown>) => step.catch(showError);
  for (const id of wanted.expand) await orSay(expandEntity(id, false));
  for (const { id, pages } of wanted.groups) {
    const [around = '', type = '', direction = 'OUT'] = id.split('|');
    for (let i = 0; i < pages; i++) {
      const opened = groupPages.get(id);
      if (opened && !opened.next) break;
      const group = { id, around, type, direction: direction === 'IN' ? 'IN' : 'OUT', count: 0, label: '' } as const;
      // a group that cannot open (gone, or a link made up) is said once, not tried page after page
      const failed = await openGroup(group, false).then(
        () => false,
        (error: unknown) => {
          showError(error);
          return true;
        },
      );
      if (failed) break;
    }
  }
  await orSay(showPathEnds());
  showPathResult('');
  if (state.path.from && state.path.to) await orSay(findPath(false));
  if (state.select) {
    await selectEntity(state.select, false).catch((error: unknown) => {
      state.select = null;
      showError(error);
    });
  }
  if (!state.select) {
    clearDetails();
    markTimeline(null);
  }
  applyFilters();
  await showReview(state.review).catch((error: unknown) => {
    state.review = null;
    closeReview();
    writeViewState(state, false);
    showError(error);
  });
}

/**
 * Back or Forward: when the step changed only the selection or the filters, only they change (the
 * drawing stays where it is); otherwise the view is rebuilt as the URL describes it.
 */
async function stepTo(target: ViewState): Promise<void> {
  if (target.review !== state.review) {
    state.review = target.review;
    await showReview(target.review);
  }
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const drawingKept =
    target.showCase === state.showCase &&
    same(target.expand, state.expand) &&
    same(target.groups, state.groups) &&
    same(target.path, state.path);
  if (!drawingKept) return restore(target);
  state.filters = target.filters;
  filterPanel.show(state.filters);
  applyFilters();
  if (target.select) await selectEntity(target.select, false);
  else deselect(false);
}

/**
 * A write landed (here or in another editor's window). The drawing cannot take single nodes out
 * (GraphView has no remove), so when the write touched what is on show, the view is rebuilt from
 * its state: retracted claims leave it, new ones join it, a merged entity gives way to its survivor.
 */
async function refreshAfter(change: ChangeNotice): Promise<void> {
  const touched = new Set(change.entityKeys);
  const onShow =
    view.nodes().some((n) => touched.has(n.key)) || (state.select && touched.has(known.get(state.select)?.key ?? ''));
  if (onShow) {
    const kept = structuredClone(state);
    await restore(kept);
  }
  // a decision (here or in another window) or a new source's reading changes the drafts; no other write does
  if (DRAFT_ACTIONS.has(change.action)) {
    await refreshReview();
    await listDrafts();
  }
  note(`Change ${change.seq} (${humanise(change.action)}) by ${change.actor}`);
  document.body.dataset.lastChange = String(change.seq);
}

/** The changes that make or decide a draft: only these send the review and the drafts list back to the server. */
const DRAFT_ACTIONS = new Set(['ADD_SOURCE', 'ACCEPT_SUGGESTION', 'REJECT_SUGGESTION']);

async function start(): Promise<void> {
  setUpErrorBanner();
  setUpReview({
    close: () => void run(() => review(null)),
    decided: () => void run(listDrafts),
  });
  renderLegend();
  followSystemTheme(view);
  setUpPictureExport(view);
  setUpDataExport();
  updateDataExportLinks(null);
  clearDetails();
  renderPathEnds(null, null, () => undefined);
  byId('show-case').addEventListener('click', () =>
    run(async () => {
      state.showCase = true;
      await openCase();
      writeViewState(state, true);
    }),
  );
  byId('clear').addEventListener('click', () => run(async () => clearAll()));
  byId('find-path').addEventListener('click', () => run(() => findPath()));
  byId('share').addEventListener('click', () => run(() => copyLink(note)));
  setUpKeyboard({
    closeResults: () => searchBox.close(),
    clearPath: () => {
      clearPath();
      writeViewState(state, false);
    },
  });
  window.addEventListener('popstate', () => run(() => stepTo(parseViewState(location.search))));

  // the timeline and the texts load beside the case; each may fail on its own, saying so
  const timeline = timelineEvents().then(
    (events) => renderTimeline(events, (id) => void run(() => selectEntity(id))),
    showError,
  );
  const texts = sourceTexts().then((found) => {
    sources = found;
  }, showError);
  const drafts = listDrafts().catch(showError);
  await run(() => restore(parseViewState(location.search)));
  await Promise.all([timeline, texts, drafts]);
  markTimeline(state.select);
  // the selection's quotes are marked in its source, which may have arrived after it
  if (state.select) await run(() => selectEntity(state.select!, false));
  else if (sources[0]) renderSource(byId('source-text'), byId('source-title'), sources[0], [], []);
  void watchChanges((change) => void run(() => refreshAfter(change)));
  document.body.dataset.ready = 'true';
}

// For debugging in the browser's console, and for tests that look at the drawing itself.
Object.assign(window, { explorer: { view } });
void start().catch(showError);
