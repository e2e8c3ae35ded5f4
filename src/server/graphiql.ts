/** What GraphiQL opens with: the case at a glance, one query a new user can run as it is. */
export const GRAPHIQL_DEFAULT_QUERY = `# The Rust case: who is in it, and what the sources say about Alec Baldwin.
# Press the run button (or Ctrl-Enter).
{
  sources { key title }
  people(first: 50) {
    totalCount
    edges { node { name occupations } }
  }
  entity(kind: PERSON, key: "alec-baldwin") {
    name
    relationshipCounts { type direction count }
    relationships(first: 20) {
      edges {
        node {
          type
          role
          from { name }
          to { name }
          evidence { quote }
        }
      }
    }
  }
}
`;
