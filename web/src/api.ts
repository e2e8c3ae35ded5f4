/** The explorer reads everything through GraphQL, like any front end. */

export interface EntitySummary {
  id: string;
  key: string;
  kind: string;
  name: string;
}
interface EdgeSummary {
  id: string;
  type: string;
  role: string | null;
  from: { id: string };
  to: { id: string };
}
export interface SubgraphAnswer {
  nodes: EntitySummary[];
  edges: EdgeSummary[];
  truncated: boolean;
}
export interface Quote {
  quote: string;
  start: number;
  end: number;
  source: { key: string };
  /** On a claim's evidence: how it is asserted (STATED, REPORTED, PLANNED...) and by whom (null: the source). */
  modality?: string | null;
  assertedBy?: string | null;
}
export interface EntityDetails extends EntitySummary {
  aliases: string[];
  summary: string | null;
  mentions: Quote[];
  relationships: { edges: { node: EdgeSummary & { from: EntitySummary; to: EntitySummary; evidence: Quote[] } }[] };
}
export interface TimelineEvent extends EntitySummary {
  eventType: string;
  date: { text: string } | null;
}
export interface SourceText {
  key: string;
  title: string | null;
  publisher?: string | null;
  text: string;
}

const TOKEN_KEY = 'caseGraphToken';

/** A GraphQL request with the token this browser keeps, if any. */
function post(body: Record<string, unknown>, accept: string): Promise<Response> {
  const token = localStorage.getItem(TOKEN_KEY);
  return fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

/** Where the server requires a token (REQUIRE_AUTH), the explorer asks for one once and keeps it in this browser. */
async function graphql<T>(query: string, variables: Record<string, unknown> = {}, retried = false): Promise<T> {
  const response = await post({ query, variables }, 'application/json');
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (!retried && body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
    const given = window.prompt('This case graph needs an access token:');
    if (given) {
      localStorage.setItem(TOKEN_KEY, given.trim());
      return graphql(query, variables, true);
    }
  }
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

const SUMMARY = 'id key kind name';
const EDGE = 'id type role from { id } to { id }';

export const searchEntities = (text: string) =>
  graphql<{ search: { entity: EntitySummary }[] }>(
    `query($text: String!) { search(text: $text, first: 8) { entity { ${SUMMARY} } } }`,
    { text },
  ).then((d) => d.search.map((h) => h.entity));

export const neighbourhoodOf = (id: string, depth = 1) =>
  graphql<{ neighbourhood: SubgraphAnswer }>(
    `query($id: ID!, $depth: Int) { neighbourhood(id: $id, depth: $depth, limit: 300) { truncated nodes { ${SUMMARY} } edges { ${EDGE} } } }`,
    { id, depth },
  ).then((d) => d.neighbourhood);

export const pathBetween = (from: string, to: string) =>
  graphql<{ path: (SubgraphAnswer & { length: number }) | null }>(
    `query($from: ID!, $to: ID!) { path(from: $from, to: $to, maxLength: 6) { length nodes { ${SUMMARY} } edges { ${EDGE} } } }`,
    { from, to },
  ).then((d) => d.path);

export const detailsOf = (id: string) =>
  graphql<{ node: EntityDetails | null }>(
    `query($id: ID!) { node(id: $id) { ... on Entity { ${SUMMARY} aliases summary
        mentions { quote start end source { key } }
        relationships(first: 100) { edges { node { id type role from { ${SUMMARY} } to { ${SUMMARY} }
          evidence { quote start end source { key } modality assertedBy } } } } } } }`,
    { id },
  ).then((d) => d.node);

export const timelineEvents = () =>
  graphql<{ timeline: TimelineEvent[] }>(`{ timeline { ${SUMMARY} eventType date { text } } }`).then((d) => d.timeline);

export const sourceTexts = () =>
  graphql<{ sources: SourceText[] }>(`{ sources { key title publisher text } }`).then((d) => d.sources);

export const wholeCase = async (): Promise<SubgraphAnswer> => {
  const lists = ['people', 'organisations', 'productions', 'locations', 'events'];
  type Listed = EntitySummary & { relationships: { edges: { node: EdgeSummary }[] } };
  const data = await graphql<Record<string, { edges: { node: Listed }[] }>>(
    `{ ${lists.map((l) => `${l}(first: 100) { edges { node { ${SUMMARY} relationships(first: 50) { edges { node { ${EDGE} } } } } } }`).join(' ')} }`,
  );
  const listed = lists.flatMap((l) => data[l]!.edges.map((e) => e.node));
  const edges = new Map(listed.flatMap((n) => n.relationships.edges.map((e) => [e.node.id, e.node] as const)));
  return { nodes: listed.map(({ relationships: _r, ...node }) => node), edges: [...edges.values()], truncated: false };
};

/** What the explorer needs of a write to the graph: which entities it touched. */
export interface ChangeNotice {
  seq: number;
  action: string;
  actor: string;
  entityKeys: string[];
}

/** How long to wait before listening again when the stream ends (a restart, a lost connection). */
const RELISTEN_MS = 5_000;

/**
 * Calls `onChange` for every write to the graph as it lands (the graphChanged subscription, over
 * server-sent events read from a POST: EventSource cannot send the token or the CSRF-safe body).
 */
export async function watchChanges(onChange: (change: ChangeNotice) => void): Promise<void> {
  for (;;) {
    try {
      const response = await post(
        { query: 'subscription { graphChanged { seq action actor entityKeys } }' },
        'text/event-stream',
      );
      const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
        buffered += read.value;
        const events = buffered.split('\n\n');
        buffered = events.pop() ?? '';
        for (const event of events) {
          const data = event
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trim())
            .join('');
          const change = data ? (JSON.parse(data) as { data?: { graphChanged?: ChangeNotice } }) : null;
          if (change?.data?.graphChanged) onChange(change.data.graphChanged);
        }
      }
    } catch {
      // the server went away: listen again after a pause
    }
    await new Promise((resolve) => setTimeout(resolve, RELISTEN_MS));
  }
}
