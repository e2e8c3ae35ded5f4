/**
 * What GraphiQL opens with: the case at a glance, in tabs a new user can run as they are. GraphiQL
 * names a tab after its operation, so every query here is a named operation (an anonymous one is
 * "<untitled>"); the entity page comes first, and is the tab that opens.
 */

const ENTITY_PAGE = `# An entity page: Alec Baldwin, what the article says about him, and where it says it.
# Press the run button (or Ctrl-Enter). The Docs pane on the left describes every field.
query EntityPage {
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
query Timeline {
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

const CASE_OVERVIEW = `# The case in numbers, its sources, and its most connected entities.
query CaseOverview {
  sources { key title }
  people(first: 50) { totalCount edges { node { name occupations } } }
  organisations { totalCount edges { node { name } } }
  productions { totalCount edges { node { name } } }
  locations { totalCount edges { node { name } } }
  events { totalCount }
  mostConnected(first: 5) { degree entity { __typename name } }
}
`;

/**
 * GraphiQL's `defaultTabs`, and no `defaultQuery` beside them: GraphiQL reads that only when there
 * are no default tabs. The welcome comment that used to fill the first tab came from Yoga's own
 * GraphiQL component as Yoga's default page loads it from unpkg.com (@graphql-yoga/graphiql 4.5):
 * it passed its welcome text as GraphiQL's `initialQuery` whenever the URL held no query, and the
 * initial query goes into the open tab's editor over the tab's own text (a query of comments only:
 * "Syntax Error: Unexpected <EOF>" when run). The build that graphiqlPage.ts serves leaves the
 * welcome out when there are default tabs; graphiqlStoredTabs.ts deals with tabs a browser kept.
 */
export const GRAPHIQL_TABS = [ENTITY_PAGE, SEARCH, TIMELINE, CASE_OVERVIEW].map((query) => ({ query }));
