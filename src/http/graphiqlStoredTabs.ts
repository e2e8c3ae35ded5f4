/**
 * A script GraphiQL's page runs before GraphiQL, about the tabs GraphiQL keeps in localStorage.
 * GraphiQL (5.x, in @graphql-yoga/render-graphiql) opens its stored tabs ahead of the default ones,
 * and then looks among them for the query, variables and headers it last stored on their own; it no
 * longer stores those, so it finds none and adds an empty "<untitled>" tab, which it opens: every
 * reload opened on a new empty tab, and a browser that once kept a tab of Yoga's welcome comment
 * kept it. So this script:
 *
 * - forgets the stored tabs when they were opened under other default tabs (an earlier version of
 *   this page, or another server on this origin): GraphiQL then opens on the default tabs, the
 *   entity page first;
 * - otherwise stores the open tab's query, variables and headers on their own, where GraphiQL looks,
 *   so that it opens that tab again, as it was, with nothing added.
 */
import { createHash } from 'node:crypto';

/** GraphiQL's localStorage keys: "graphiql:" and its own names for them. */
const TABS_KEY = 'graphiql:tabState';
const OPEN_TAB_KEYS = { query: 'graphiql:query', variables: 'graphiql:variables', headers: 'graphiql:headers' };
/** Where this page notes the default tabs the stored ones were opened under. */
const DEFAULTS_KEY = 'case-graph:graphiql-defaults';

export function storedTabsScript(defaultTabs: unknown): string {
  const defaults = createHash('sha256').update(JSON.stringify(defaultTabs)).digest('hex').slice(0, 16);
  const json = JSON.stringify;
  return `try {
  const stored = JSON.parse(localStorage.getItem(${json(TABS_KEY)}) || 'null');
  const open = stored && Array.isArray(stored.tabs) ? stored.tabs[stored.activeTabIndex] : null;
  const keep = localStorage.getItem(${json(DEFAULTS_KEY)}) === ${json(defaults)} && open;
  if (!keep) localStorage.removeItem(${json(TABS_KEY)});
  for (const [field, key] of Object.entries(${json(OPEN_TAB_KEYS)})) {
    if (keep && open[field]) localStorage.setItem(key, open[field]);
    else localStorage.removeItem(key);
  }
  localStorage.setItem(${json(DEFAULTS_KEY)}, ${json(defaults)});
} catch {}`;
}
