/** The operations a benchmark runs: what analysts and front ends do most, and a baseline. */
import type { CaseGraph } from '../../src/domain/model.js';

export interface Operation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

const id = (typename: string, key: string) => Buffer.from(`${typename}:${key}`).toString('base64');

export interface Subjects {
  /** An entity to open a page on and expand around: [typename, key]. */
  focus: [string, string];
  search: string;
  /** A year whose events the timeline shows. */
  year: string;
}

export const RUST_SUBJECTS: Subjects = { focus: ['Person', 'alec-baldwin'], search: 'bal', year: '2021' };

export function operations(subjects: Subjects): Operation[] {
  const [typename, key] = subjects.focus;
  return [
    { name: 'baseline { __typename }', query: '{ __typename }' },
    {
      name: 'entity page',
      query: `query Page($id: ID!) { node(id: $id) { ... on Entity { name aliases summary mentions { quote }
        relationshipCounts { type direction count }
        relationships(first: 50) { totalCount edges { node { type role from { name } to { name } evidence { quote start end } } } } } } }`,
      variables: { id: id(typename, key) },
    },
    {
      name: 'search',
      query: 'query Search($text: String!) { search(text: $text, first: 10) { score entity { name kind } } }',
      variables: { text: subjects.search },
    },
    {
      name: 'neighbourhood depth 2',
      query: `query Around($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 200) { truncated nodes { id name kind } edges { id type from { id } to { id } } } }`,
      variables: { id: id(typename, key) },
    },
    {
      // the events' own page of a front end: what is below them is read after they are found
      name: 'events page (place, people)',
      query: `{ events(first: 50) { totalCount edges { node { name eventType date { text } location { name }
        participants { role participant { name } } } } } }`,
    },
    {
      name: 'timeline (one year)',
      query: `query Timeline($year: String!) { timeline(where: { from: $year, to: $year }) { name eventType date { text } } }`,
      variables: { year: subjects.year },
    },
  ];
}

/** A typical entity of a synthetic case to open and expand: a person with a median number of links. */
export function syntheticSubjects(graph: CaseGraph): Subjects {
  const degree = new Map<string, number>();
  for (const r of graph.relationships) for (const k of [r.from, r.to]) degree.set(k, (degree.get(k) ?? 0) + 1);
  const people = graph.entities
    .filter((e) => e.kind === 'PERSON')
    .sort((a, b) => (degree.get(a.key) ?? 0) - (degree.get(b.key) ?? 0));
  const median = people[Math.floor(people.length / 2)]!;
  return { focus: ['Person', median.key], search: 'person 12', year: '2010' };
}
