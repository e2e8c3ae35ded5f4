/** Every question the explorer asks the API, typed from the schema (graphql.ts). */
import type { Direction, RelationshipType } from '@case-graph/domain/kinds.js';
import type { ResultOf, VariablesOf } from 'gql.tada';
import { graphql } from './graphql.js';
import { request } from './graphqlClient.js';

const Summary = graphql(`
  fragment Summary on Entity {
    id key kind name
    ... on Event { date { text earliest latest } }
  }
`);

const Drawn = graphql(
  `
  fragment Drawn on Relationship {
    id type role modalities
    from { ...Summary }
    to { ...Summary }
  }
`,
  [Summary],
);

/** A relationship between entities listed beside it: its ends by id only, which keeps big lists cheap (MAX_COST). */
const Between = graphql(`
  fragment Between on Relationship { id type role modalities from { id } to { id } }
`);

export type EntitySummary = ResultOf<typeof Summary>;
type DrawnRelationship = ResultOf<typeof Drawn>;
type RelationshipBetween = ResultOf<typeof Between>;

/** What a query brought to draw: entities (most important first) and relationships among them. */
export interface Found {
  nodes: EntitySummary[];
  edges: (DrawnRelationship | RelationshipBetween)[];
}

const CaseSizeQuery = graphql(`
  query CaseSize {
    people(first: 1) { totalCount }
    organisations(first: 1) { totalCount }
    productions(first: 1) { totalCount }
    locations(first: 1) { totalCount }
    events(first: 1) { totalCount }
  }
`);

/** How many entities the case holds, all kinds together. */
export async function caseSize(): Promise<number> {
  const data = await request('count the entities of the case', CaseSizeQuery, {});
  return Object.values(data).reduce((sum, list) => sum + list.totalCount, 0);
}

const WholeCaseQuery = graphql(
  `
  query WholeCase($first: Int!) {
    people(first: $first) { edges { node { ...Summary relationships(first: 50) { edges { node { ...Between } } } } } }
    organisations(first: $first) { edges { node { ...Summary relationships(first: 50) { edges { node { ...Between } } } } } }
    productions(first: $first) { edges { node { ...Summary relationships(first: 50) { edges { node { ...Between } } } } } }
    locations(first: $first) { edges { node { ...Summary relationships(first: 50) { edges { node { ...Between } } } } } }
    events(first: $first) { edges { node { ...Summary relationships(first: 50) { edges { node { ...Between } } } } } }
  }
`,
  [Summary, Between],
);

/** Every entity of a small case and every relationship among them. */
export async function wholeCase(first: number): Promise<Found> {
  const data = await request('load the whole case', WholeCaseQuery, { first });
  const listed = Object.values(data).flatMap((list) => list.edges.map((e) => e.node));
  return {
    nodes: listed.map(({ relationships: _drawnBelow, ...node }) => node),
    edges: listed.flatMap((n) => n.relationships.edges.map((e) => e.node)),
  };
}

const MostConnectedQuery = graphql(
  `
  query MostConnected($first: Int!) {
    mostConnected(first: $first) {
      degree
      entity { ...Summary relationships(first: 100) { edges { node { ...Between } } } }
    }
  }
`,
  [Summary, Between],
);

/** The `first` most connected entities, most first, with the relationships among them. */
export async function mostConnected(first: number): Promise<Found> {
  const data = await request('find the most connected entities', MostConnectedQuery, { first });
  const listed = data.mostConnected.map((c) => c.entity);
  const ids = new Set(listed.map((n) => n.id));
  return {
    nodes: listed.map(({ relationships: _drawnBelow, ...node }) => node),
    edges: listed
      .flatMap((n) => n.relationships.edges.map((e) => e.node))
      .filter((r) => ids.has(r.from.id) && ids.has(r.to.id)),
  };
}

const SearchQuery = graphql(
  `
  query Search($text: String!) { search(text: $text, first: 8) { entity { ...Summary } } }
`,
  [Summary],
);

export const searchEntities = async (text: string): Promise<EntitySummary[]> =>
  (await request(`search for “${text}”`, SearchQuery, { text })).search.map((hit) => hit.entity);

const CountsQuery = graphql(
  `
  query Counts($id: ID!) {
    node(id: $id) { ... on Entity { ...Summary relationshipCounts { type direction count } } }
  }
`,
  [Summary],
);

export type RelationshipCount = { type: RelationshipType; direction: Direction; count: number };

/** An entity with how many relationships it has of each type and direction (null: no such entity). */
export async function countsOf(
  id: string,
  name = 'an entity',
): Promise<{ entity: EntitySummary; counts: RelationshipCount[] } | null> {
  const { node } = await request(`read how connected ${name} is`, CountsQuery, { id });
  if (!node || !('relationshipCounts' in node)) return null;
  const { relationshipCounts, ...entity } = node;
  return { entity, counts: relationshipCounts };
}

const RelationshipsQuery = graphql(
  `
  query Relationships($id: ID!, $types: [RelationshipType!], $direction: Direction, $first: Int, $after: String) {
    node(id: $id) {
      ... on Entity {
        relationships(types: $types, direction: $direction, first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { ...Drawn } }
        }
      }
    }
  }
`,
  [Drawn],
);

/** One page of an entity's relationships of some types in one direction, and where the next page starts. */
export interface RelationshipPage {
  edges: DrawnRelationship[];
  totalCount: number;
  next: string | null;
}

export async function relationshipsOf(
  id: string,
  options: { types: RelationshipType[] | null; direction: Direction; first: number; after: string | null },
): Promise<RelationshipPage> {
  const { node } = await request('read the relationships of an entity', RelationshipsQuery, {
    id,
    types: options.types,
    direction: options.direction,
    first: options.first,
    after: options.after,
  });
  if (!node || !('relationships' in node)) return { edges: [], totalCount: 0, next: null };
  const { relationships } = node;
  return {
    edges: relationships.edges.map((e) => e.node),
    totalCount: relationships.totalCount,
    next: relationships.pageInfo.hasNextPage ? relationships.pageInfo.endCursor : null,
  };
}

const DetailsQuery = graphql(
  `
  query Details($id: ID!) {
    node(id: $id) {
      ... on Entity {
        ...Summary aliases summary
        mentions { quote start end source { key } }
        relationships(first: 100) {
          totalCount
          edges { node { ...Drawn evidence { quote start end source { key } modality assertedBy } } }
        }
      }
    }
  }
`,
  [Summary, Drawn],
);

export type EntityDetails = Extract<NonNullable<ResultOf<typeof DetailsQuery>['node']>, { aliases: unknown }>;
export type Quote = EntityDetails['mentions'][number] & { modality?: string | null; assertedBy?: string | null };

/** What the sources say about an entity (null: there is no such entity, e.g. merged away since). */
export async function detailsOf(id: string, name = 'this entity'): Promise<EntityDetails | null> {
  const { node } = await request(`read what the sources say about ${name}`, DetailsQuery, { id });
  return node && 'aliases' in node ? node : null;
}

const PathQuery = graphql(
  `
  query Path($from: ID!, $to: ID!) {
    path(from: $from, to: $to, maxLength: 6) { length nodes { ...Summary } edges { ...Drawn } }
  }
`,
  [Summary, Drawn],
);

export type FoundPath = Found & { length: number };

export async function pathBetween(from: string, to: string): Promise<FoundPath | null> {
  return (await request('find a path', PathQuery, { from, to })).path;
}

const TimelineQuery = graphql(
  `
  query Timeline { timeline { ...Summary eventType consequences { id } } }
`,
  [Summary],
);

export type TimelineEvent = ResultOf<typeof TimelineQuery>['timeline'][number];

/** Every event in the API's order (by date, then first mention), with the events each led to. */
export const timelineEvents = async (): Promise<TimelineEvent[]> =>
  (await request('load the timeline', TimelineQuery, {})).timeline;

const SourcesQuery = graphql(`
  query Sources { sources { key title publisher text } }
`);

export type SourceText = ResultOf<typeof SourcesQuery>['sources'][number];

export const sourceTexts = async (): Promise<SourceText[]> =>
  (await request('load the source texts', SourcesQuery, {})).sources;

/** Sources whose reading left a draft, with how many of its suggestions wait for an editor. */
const DraftsQuery = graphql(`
  query Drafts {
    sources {
      key title publisher
      draft { openEntities: entities(status: [OPEN]) { key } openClaims: claims(status: [OPEN]) { key } }
    }
  }
`);

export type DraftListing = ResultOf<typeof DraftsQuery>['sources'][number];

/** Every source with a draft (the others are left out). */
export const draftsToReview = async (): Promise<DraftListing[]> =>
  (await request('list the drafts to review', DraftsQuery, {})).sources.filter((s) => s.draft !== null);

const Decided = graphql(`
  fragment Decided on SuggestionDecision { actor at reason entity { id key name } relationship { id key } }
`);

const ReviewQuery = graphql(
  `
  query Review($source: String!) {
    draft(source: $source) {
      readUpTo
      source { key title publisher text }
      dates { start end quote date { text } }
      entities {
        key status kind name confidence occupations eventType date newKey
        mentions { start end quote }
        sameAs { id key }
        candidates {
          score match reasons
          entity { id key kind name aliases summary ... on Person { occupations } }
        }
        decision { ...Decided }
      }
      claims {
        key status type role confidence pattern
        from { key name kind status }
        to { key name kind status }
        evidence { start end quote modality assertedBy cue }
        decision { ...Decided }
      }
    }
  }
`,
  [Decided],
);

export type ReviewDraft = NonNullable<ResultOf<typeof ReviewQuery>['draft']>;
export type EntityProposal = ReviewDraft['entities'][number];
export type ClaimProposal = ReviewDraft['claims'][number];

/** The draft of `source`, with its text, for review (null: the source has no draft). */
export const draftOf = async (source: string): Promise<ReviewDraft | null> =>
  (await request(`read the draft of “${source}”`, ReviewQuery, { source })).draft;

const AcceptMutation = graphql(`
  mutation Accept($input: AcceptSuggestionInput!) { acceptSuggestion(input: $input) { change { seq } } }
`);
const RejectMutation = graphql(`
  mutation Reject($input: RejectSuggestionInput!) { rejectSuggestion(input: $input) { change { seq } } }
`);

export type AcceptInput = VariablesOf<typeof AcceptMutation>['input'];

/** An editor's accept (`what` names it for the error banner: “accept “Alex Spiro” as new”). */
export const acceptSuggestion = async (what: string, input: AcceptInput): Promise<number> =>
  (await request(what, AcceptMutation, { input })).acceptSuggestion.change.seq;

/** An editor's reject. */
export const rejectSuggestion = async (
  what: string,
  input: VariablesOf<typeof RejectMutation>['input'],
): Promise<number> => (await request(what, RejectMutation, { input })).rejectSuggestion.change.seq;
