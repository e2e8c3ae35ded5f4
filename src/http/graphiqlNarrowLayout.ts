/**
 * GraphiQL on a phone: its editors and its response sit side by side whatever the width, so at
 * 390 px the response is one character wide and nothing it says can be read. Below 700 px this
 * stacks them instead, the query above the response, each half the height, and leaves out the
 * title beside the tabs, which took the room of a tab. GraphiQL sets the panes' flex inline (its
 * drag bar), hence !important.
 */
export const GRAPHIQL_NARROW_LAYOUT = `
@media (max-width: 700px) {
  .graphiql-session-header + div { flex-direction: column; }
  .graphiql-session-header + div > .graphiql-horizontal-drag-bar { display: none; }
  .graphiql-session-header + div > .graphiql-editors,
  .graphiql-session-header + div > .graphiql-response { flex: 1 1 0% !important; min-height: 0; }
  .graphiql-session-header + div > .graphiql-response { padding-top: var(--px-8, 8px); }
  .graphiql-session-header .graphiql-logo { display: none; }
}
`;
