/**
 * The four operations of issue 11, each in the API of each server, asking for the same facts:
 *
 * - entity page: a person, every relationship both ways with its type, role and the far end's name;
 * - two levels: a production, its credited people, and each of their relationships;
 * - list: the first 50 people by name (then key), each with the names of what they relate to;
 * - search: the entities whose name contains a string.
 *
 * Each answer is brought down to a sorted list of facts, one a line, such as
 * `alec-baldwin REPRESENTS<- lewten-nikas "Lewten Nikas" role=legal counsel`, so that the three
 * servers can be held to the same facts before they are measured (see agree()).
 */
import type { CaseGraph } from '../../../src/domain/model.js';

export const OPERATION_NAMES = ['entity page', 'two levels', 'list', 'search'] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

export const SERVER_NAMES = ['project', 'peer', 'floor'] as const;
export type ServerName = (typeof SERVER_NAMES)[number];

/** What the operations are asked about. */
export interface PeerSubjects {
  /** The key of the person whose page is read. */
  person: string;
  /** The key of the production read two levels deep. */
  production: string;
  /** A string that names contain: cased as the names are, since the peer's `contains` is case-sensitive. */
  search: string;
}

export const RUST_PEER_SUBJECTS: PeerSubjects = { person: 'alec-baldwin', production: 'rust', search: 'Bal' };

/** How many people the list reads. */
const LIST_SIZE = 50;
/** The project's page of relationships: its most; the subjects are chosen with fewer than this. */
const RELATIONSHIPS_PAGE = 100;
/** The project's search returns at most 100 hits; the floor is held to the same bound. */
const SEARCH_LIMIT = 100;

/** One request to one server: POST `path` with `body` as JSON, and how to read its answer as facts. */
export interface ServerOperation {
  path: string;
  body: Record<string, unknown>;
  facts(answer: unknown): string[];
}

export type PeerOperations = Record<OperationName, Record<ServerName, ServerOperation>>;

/** A relationship seen from one of its ends. */
interface Link {
  type: string;
  /** True when the entity asking is its start. */
  out: boolean;
  role?: string | null;
  key: string;
  name: string;
}

const entityFact = (key: string, name: string) => `${key} "${name}"`;
const linkFact = (subject: string, link: Link, withRole: boolean) =>
  `${subject} ${link.type}${link.out ? '->' : '<-'} ${link.key} "${link.name}"${withRole ? ` role=${link.role ?? '-'}` : ''}`;
const sorted = (facts: string[]) => facts.sort();

/** The data of a GraphQL answer; its errors, if any, as an exception. */
function dataOf<T>(answer: unknown): T {
  const { data, errors } = answer as { data?: T; errors?: unknown[] };
  if (errors?.length || !data) throw new Error(`GraphQL errors: ${JSON.stringify(errors ?? answer).slice(0, 2000)}`);
  return data;
}

const must = <T>(value: T | null | undefined, what: string): T => {
  if (value === null || value === undefined) throw new Error(`no ${what} in the answer`);
  return value;
};

// ---------------------------------------------------------------------------------------------
// This project: its own API (schema/schema.graphql).

const PROJECT_LINKS = (withRole: boolean) =>
  `relationships(first: ${RELATIONSHIPS_PAGE}) { edges { node { type ${withRole ? 'role ' : ''}from { key name } to { key name } } } }`;

interface ProjectRelationships {
  edges: {
    node: {
      type: string;
      role?: string | null;
      from: { key: string; name: string };
      to: { key: string; name: string };
    };
  }[];
}

const projectLinks = (subject: string, relationships: ProjectRelationships): Link[] =>
  relationships.edges.map(({ node }) => {
    const out = node.from.key === subject;
    const far = out ? node.to : node.from;
    return { type: node.type, out, role: node.role, key: far.key, name: far.name };
  });

interface ProjectEntity {
  key: string;
  name: string;
  relationships: ProjectRelationships;
}

// ---------------------------------------------------------------------------------------------
// The peer: @neo4j/graphql over peerSchema.ts. A person's relationships are five fields.

const PEER_PERSON_LINKS: Record<string, [type: string, out: boolean]> = {
  workedOnConnection: ['WORKED_ON', true],
  participatedInConnection: ['PARTICIPATED_IN', true],
  representsConnection: ['REPRESENTS', true],
  representedByConnection: ['REPRESENTS', false],
  concernedByConnection: ['CONCERNS', false],
};

const peerLinkFields = (withRole: boolean) =>
  Object.keys(PEER_PERSON_LINKS)
    .map((field) => `${field} { edges { ${withRole ? 'properties { role } ' : ''}node { key name } } }`)
    .join('\n    ');

type PeerConnection = { edges: { properties?: { role: string | null }; node: { key: string; name: string } }[] };
type PeerPerson = { key: string; name: string } & Record<string, PeerConnection>;

const peerLinks = (person: PeerPerson): Link[] =>
  Object.entries(PEER_PERSON_LINKS).flatMap(([field, [type, out]]) =>
    must(person[field], field).edges.map(({ properties, node }) => ({
      type,
      out,
      role: properties?.role,
      key: node.key,
      name: node.name,
    })),
  );

// ---------------------------------------------------------------------------------------------
// The floor: floorServer.ts, one Cypher query each; rows as Neo4j returns them.

interface FloorEntity {
  key: string;
  name: string;
  links: Link[];
}

const floor = (operation: OperationName, body: Record<string, unknown>, facts: (rows: never[]) => string[]) => ({
  path: `/${encodeURIComponent(operation)}`,
  body,
  facts: (answer: unknown) => facts(answer as never[]),
});

const graphql = (query: string, variables: Record<string, unknown>, facts: (data: never) => string[]) => ({
  path: '/graphql',
  body: { query, variables },
  facts: (answer: unknown) => facts(dataOf<never>(answer)),
});

export function peerOperations(subjects: PeerSubjects): PeerOperations {
  const pageFacts = (key: string, name: string, links: Link[]) =>
    sorted([entityFact(key, name), ...links.map((l) => linkFact(key, l, true))]);
  const creditFacts = (
    production: string,
    credit: { key: string; name: string; role?: string | null },
    links: Link[],
  ) => [
    `${production} WORKED_ON<- ${credit.key} "${credit.name}" role=${credit.role ?? '-'}`,
    ...links.map((l) => linkFact(credit.key, l, true)),
  ];
  const listFacts = (people: { key: string; name: string; links: Link[] }[]) =>
    sorted(
      people.flatMap((p, i) => [
        `#${i + 1} ${entityFact(p.key, p.name)}`,
        ...p.links.map((l) => linkFact(p.key, l, false)),
      ]),
    );
  const hitFacts = (hits: { key: string; name: string }[]) => sorted(hits.map((h) => entityFact(h.key, h.name)));

  return {
    'entity page': {
      project: graphql(
        `query EntityPage($key: String!) { entity(kind: PERSON, key: $key) { key name ${PROJECT_LINKS(true)} } }`,
        { key: subjects.person },
        (data: { entity: ProjectEntity | null }) => {
          const e = must(data.entity, 'entity');
          return pageFacts(e.key, e.name, projectLinks(e.key, e.relationships));
        },
      ),
      peer: graphql(
        `query EntityPage($key: String!) { people(where: { key: { eq: $key } }) { key name
    ${peerLinkFields(true)} } }`,
        { key: subjects.person },
        (data: { people: PeerPerson[] }) => {
          const p = must(data.people[0], 'person');
          return pageFacts(p.key, p.name, peerLinks(p));
        },
      ),
      floor: floor('entity page', { key: subjects.person }, (rows: FloorEntity[]) => {
        const e = must(rows[0], 'row');
        return pageFacts(e.key, e.name, e.links);
      }),
    },

    'two levels': {
      project: graphql(
        `query TwoLevels($key: String!) { entity(kind: PRODUCTION, key: $key) { key name ... on Production {
    credits { role person { key name ${PROJECT_LINKS(true)} } } } } }`,
        { key: subjects.production },
        (data: {
          entity: { key: string; name: string; credits: { role: string | null; person: ProjectEntity }[] } | null;
        }) => {
          const p = must(data.entity, 'entity');
          return sorted([
            entityFact(p.key, p.name),
            ...p.credits.flatMap((c) =>
              creditFacts(p.key, { ...c.person, role: c.role }, projectLinks(c.person.key, c.person.relationships)),
            ),
          ]);
        },
      ),
      peer: graphql(
        `query TwoLevels($key: String!) { productions(where: { key: { eq: $key } }) { key name
    creditsConnection { edges { properties { role } node { key name
    ${peerLinkFields(true)} } } } } }`,
        { key: subjects.production },
        (data: {
          productions: {
            key: string;
            name: string;
            creditsConnection: { edges: { properties: { role: string | null }; node: PeerPerson }[] };
          }[];
        }) => {
          const p = must(data.productions[0], 'production');
          return sorted([
            entityFact(p.key, p.name),
            ...p.creditsConnection.edges.flatMap(({ properties, node }) =>
              creditFacts(p.key, { ...node, role: properties.role }, peerLinks(node)),
            ),
          ]);
        },
      ),
      floor: floor(
        'two levels',
        { key: subjects.production },
        (rows: { key: string; name: string; credits: (FloorEntity & { role: string | null })[] }[]) => {
          const p = must(rows[0], 'row');
          return sorted([entityFact(p.key, p.name), ...p.credits.flatMap((c) => creditFacts(p.key, c, c.links))]);
        },
      ),
    },

    list: {
      project: graphql(
        `query List($first: Int!) { people(first: $first) { edges { node { key name ${PROJECT_LINKS(false)} } } } }`,
        { first: LIST_SIZE },
        (data: { people: { edges: { node: ProjectEntity }[] } }) =>
          listFacts(
            data.people.edges.map(({ node }) => ({ ...node, links: projectLinks(node.key, node.relationships) })),
          ),
      ),
      peer: graphql(
        `query List($limit: Int!) { people(limit: $limit, sort: [{ name: ASC }, { key: ASC }]) { key name
    ${peerLinkFields(false)} } }`,
        { limit: LIST_SIZE },
        (data: { people: PeerPerson[] }) => listFacts(data.people.map((p) => ({ ...p, links: peerLinks(p) }))),
      ),
      floor: floor('list', { limit: LIST_SIZE }, (rows: FloorEntity[]) => listFacts(rows)),
    },

    search: {
      project: graphql(
        `query Search($text: String!, $first: Int!) { search(text: $text, first: $first) { entity { key name } } }`,
        { text: subjects.search, first: SEARCH_LIMIT },
        (data: { search: { entity: { key: string; name: string } }[] }) => hitFacts(data.search.map((h) => h.entity)),
      ),
      peer: graphql(
        'query Search($text: String!) { entities(where: { name: { contains: $text } }) { key name } }',
        { text: subjects.search },
        (data: { entities: { key: string; name: string }[] }) => hitFacts(data.entities),
      ),
      floor: floor('search', { text: subjects.search, limit: SEARCH_LIMIT }, (rows: { key: string; name: string }[]) =>
        hitFacts(rows),
      ),
    },
  };
}

/**
 * The subjects of a synthetic case, as `npm run bench` picks its own: a person with the median
 * number of links, a production with the median number of credits, and the longest of "Person 1",
 * "Person 12", "Person 123", ... that about a dozen names contain (at 10,000 entities "Person 123":
 * Person 123 and Person 1230 to 1239).
 */
export function syntheticPeerSubjects(graph: CaseGraph): PeerSubjects {
  const degree = new Map<string, number>();
  const credits = new Map<string, number>();
  for (const r of graph.relationships) {
    for (const k of [r.from, r.to]) degree.set(k, (degree.get(k) ?? 0) + 1);
    if (r.type === 'WORKED_ON') credits.set(r.to, (credits.get(r.to) ?? 0) + 1);
  }
  const median = <T>(list: T[], by: (t: T) => number): T => {
    const ordered = [...list].sort((a, b) => by(a) - by(b));
    return must(ordered[Math.floor(ordered.length / 2)], 'median');
  };
  const person = median(
    graph.entities.filter((e) => e.kind === 'PERSON'),
    (e) => degree.get(e.key) ?? 0,
  );
  const production = median(
    graph.entities.filter((e) => e.kind === 'PRODUCTION' && credits.has(e.key)),
    (e) => credits.get(e.key) ?? 0,
  );
  const names = graph.entities.map((e) => e.name);
  const search =
    ['Person 1', 'Person 12', 'Person 123', 'Person 1234', 'Person 12345'].find(
      (text) => names.filter((n) => n.includes(text)).length <= 20,
    ) ?? 'Person 12345';
  return { person: person.key, production: production.key, search };
}

/** Where two servers' facts differ: at most `max` lines each way, or null when they agree. */
export function differences(expected: string[], actual: string[], max = 10): string | null {
  if (expected.join('\n') === actual.join('\n')) return null;
  const missing = expected.filter((f) => !actual.includes(f));
  const extra = actual.filter((f) => !expected.includes(f));
  return [
    `${expected.length} facts expected, ${actual.length} given`,
    ...missing.slice(0, max).map((f) => `  missing: ${f}`),
    ...extra.slice(0, max).map((f) => `  extra:   ${f}`),
  ].join('\n');
}

/** Sends one operation to one server and gives back its answer, parsed. */
export type Send = (server: ServerName, operation: ServerOperation) => Promise<unknown>;

/**
 * Asks every server every operation and compares their facts with the project's. Throws, naming
 * each difference, unless all three agree on every operation; otherwise returns how many facts each
 * operation has (a check that the subjects say something).
 */
export async function agree(operations: PeerOperations, send: Send): Promise<Record<OperationName, number>> {
  const counts = {} as Record<OperationName, number>;
  const problems: string[] = [];
  for (const name of OPERATION_NAMES) {
    const facts = {} as Record<ServerName, string[]>;
    for (const server of SERVER_NAMES) {
      const operation = operations[name][server];
      try {
        facts[server] = operation.facts(await send(server, operation));
      } catch (error) {
        problems.push(`${name} on ${server}: ${(error as Error).message}`);
      }
    }
    const expected = facts.project;
    if (!expected) continue;
    counts[name] = expected.length;
    if (expected.length < 2) problems.push(`${name}: only ${expected.length} fact(s), the subject says too little`);
    for (const server of SERVER_NAMES.slice(1)) {
      const actual = facts[server];
      const diff = actual && differences(expected, actual);
      if (diff) problems.push(`${name}: ${server} differs from the project:\n${diff}`);
    }
  }
  if (problems.length) throw new Error(`The servers do not give the same facts:\n${problems.join('\n')}`);
  return counts;
}
