/**
 * The view in the URL's query string, so that a link reopens it and back/forward step through it:
 * ?max=500&case=off&select=ID&expand=ID,ID&groups=ID|TYPE|OUT*2&path=ID,ID&kinds=PERSON,EVENT&types=...&modalities=...&from=2021&to=2022-06&review=SOURCE
 * A list left out means "all"; everything is optional.
 */

export interface ViewState {
  /** The most entities drawn at once (?max=, MAX_NODES_RANGE), when the link sets it; the page's default otherwise. */
  maxNodes: number | null;
  /** Whether the case's overview (caseOpening.ts) is drawn: yes, unless the view was cleared (?case=off). */
  showCase: boolean;
  select: string | null;
  /** Entities whose neighbourhood is drawn, in the order they were expanded. */
  expand: string[];
  /** Groups opened, by group id, with how many pages of each are drawn. */
  groups: { id: string; pages: number }[];
  path: { from: string | null; to: string | null };
  filters: FilterState;
  /** The source whose draft is under review (reviewView.ts), by key. */
  review: string | null;
}

export interface FilterState {
  /** The kinds, relationship types and modalities shown; null: all. */
  kinds: string[] | null;
  types: string[] | null;
  modalities: string[] | null;
  /** Events' dates: "2021", "2021-11" or "2021-11-03"; null: no bound. */
  from: string | null;
  to: string | null;
}

export const NO_FILTERS: FilterState = { kinds: null, types: null, modalities: null, from: null, to: null };

/** What ?max= may ask for: fewer than a case's hubs is useless, more than a few thousand unreadable and slow. */
const MAX_NODES_RANGE = { min: 20, max: 5000 };

const maxNodesOf = (value: string | null): number | null => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) ? Math.min(MAX_NODES_RANGE.max, Math.max(MAX_NODES_RANGE.min, n)) : null;
};

export const EMPTY_STATE: ViewState = {
  maxNodes: null,
  showCase: true,
  select: null,
  expand: [],
  groups: [],
  path: { from: null, to: null },
  filters: NO_FILTERS,
  review: null,
};

const list = (value: string | null): string[] | null => (value === null ? null : value.split(',').filter(Boolean));

/**
 * What a link may ask the page to rebuild: each expansion and each page of a group is a request,
 * so a made-up link (`groups=…*1000000000`) would otherwise keep the page, and the server, busy.
 * 400 pages of 25 draw 10,000 relationships, more than the drawing holds.
 */
const MOST_EXPANDED = 50;
const MOST_GROUPS = 50;
const MOST_GROUP_PAGES = 400;
/** A source key longer than this is none the API would take (it refuses longer): the link opens without a review. */
const LONGEST_KEY = 100;

export function parseViewState(search: string): ViewState {
  const q = new URLSearchParams(search);
  // split without dropping empties: ",ID" is a path with only its second end chosen
  const [from = null, to = null] = q.get('path')?.split(',') ?? [];
  return {
    maxNodes: maxNodesOf(q.get('max')),
    showCase: q.get('case') !== 'off',
    select: q.get('select') || null,
    expand: (list(q.get('expand')) ?? []).slice(0, MOST_EXPANDED),
    groups: (list(q.get('groups')) ?? []).slice(0, MOST_GROUPS).map((g) => {
      const [id = '', pages = '1'] = g.split('*');
      return { id, pages: Math.min(MOST_GROUP_PAGES, Math.max(1, Number.parseInt(pages, 10) || 1)) };
    }),
    path: { from: from || null, to: to || null },
    filters: {
      kinds: list(q.get('kinds')),
      types: list(q.get('types')),
      modalities: list(q.get('modalities')),
      from: q.get('from') || null,
      to: q.get('to') || null,
    },
    review: (q.get('review')?.length ?? 0) <= LONGEST_KEY ? q.get('review') || null : null,
  };
}

/** The query string for `state` ("" when there is nothing to say), in a fixed order of parameters. */
export function serialiseViewState(state: ViewState): string {
  const q = new URLSearchParams();
  if (state.maxNodes !== null) q.set('max', String(state.maxNodes));
  if (!state.showCase) q.set('case', 'off');
  if (state.select) q.set('select', state.select);
  if (state.expand.length) q.set('expand', state.expand.join(','));
  if (state.groups.length) q.set('groups', state.groups.map((g) => `${g.id}*${g.pages}`).join(','));
  if (state.path.from || state.path.to) q.set('path', `${state.path.from ?? ''},${state.path.to ?? ''}`);
  const f = state.filters;
  if (f.kinds) q.set('kinds', f.kinds.join(','));
  if (f.types) q.set('types', f.types.join(','));
  if (f.modalities) q.set('modalities', f.modalities.join(','));
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  if (state.review) q.set('review', state.review);
  const text = q.toString();
  return text ? `?${text}` : '';
}

/**
 * Writes `state` into the address bar: `push` makes a step that Back returns from (a selection,
 * an expansion), otherwise the current entry is replaced (a filter being adjusted).
 */
export function writeViewState(state: ViewState, push: boolean): void {
  const url = `${location.pathname}${serialiseViewState(state)}${location.hash}`;
  if (url === `${location.pathname}${location.search}${location.hash}`) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}
