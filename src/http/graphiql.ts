/** What GraphiQL opens with: the case at a glance, in tabs a new user can run as they are. */

const ENTITY_PAGE = `# An entity page: Alec Baldwin, what the article says about him, and where it says it.
# Press the run button (or Ctrl-Enter). The Docs pane on the left describes every field.
{
  entity(kind: PERSON, key: "alec-baldwin") {
    id
    name
    aliases
    summary
    mentions { quote start end }
    relationshipCounts { type direction count }
    ... on Person {
      representedBy { name occupations }
      credits { production { name } role evidence { quote } }
      participations { event { name date { text } } role evidence { quote } }
    }
  }
}
`;

const SEARCH = `# Search names and aliases: exact name, then alias, prefix, start of a word, anywhere.
# Case, accents and the kind of apostrophe do not matter.
query Search($text: String = "attorney's") {
  search(text: $text, first: 10) {
    score
    entity { __typename key name aliases }
  }
}
`;

const TIMELINE = `# The timeline: events by date, then by where the article first mentions them (undated last).
{
  timeline {
    name
    eventType
    date { text precision earliest latest }
    location { name }
    participants { participant { name } role evidence { quote } }
    consequences { name }
  }
}
`;

const CASE_OVERVIEW = `# The case in numbers, and its sources.
{
  sources { key title }
  people(first: 50) { totalCount edges { node { name occupations } } }
  organisations { totalCount edges { node { name } } }
  productions { totalCount edges { node { name } } }
  locations { totalCount edges { node { name } } }
  events { totalCount }
}
`;

export const GRAPHIQL_TABS = [ENTITY_PAGE, SEARCH, TIMELINE, CASE_OVERVIEW].map((query) => ({ query }));
export const GRAPHIQL_DEFAULT_QUERY = ENTITY_PAGE;
