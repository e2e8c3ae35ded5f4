/** The operations a benchmark runs: what analysts and front ends do most, and a baseline. */

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
      name: 'timeline (one year)',
      query: `query Timeline($year: String!) { timeline(where: { from: $year, to: $year }) { name eventType date { text } } }`,
      variables: { year: subjects.year },
    },
  ];
}
