/** Writes to the graph as they land (the graphChanged subscription), so an open view never needs a reload. */
import type { ResultOf } from 'gql.tada';
import { type DocumentNode, print } from 'graphql';
import { graphql } from './graphql.js';
import { post } from './graphqlClient.js';

const ChangesSubscription = graphql(`
  subscription Changes { graphChanged { seq action actor entityKeys } }
`);

/** What the explorer needs of a write to the graph: which entities it touched. */
export type ChangeNotice = ResultOf<typeof ChangesSubscription>['graphChanged'];

/** How long to wait before listening again when the stream ends (a restart, a lost connection). */
const RELISTEN_MS = 5_000;

/**
 * Calls `onChange` for every write to the graph as it lands, over server-sent events read from a
 * POST (EventSource cannot send the token or the CSRF-safe body).
 */
export async function watchChanges(onChange: (change: ChangeNotice) => void): Promise<void> {
  for (;;) {
    try {
      const response = await post(
        { query: print(ChangesSubscription as unknown as DocumentNode) },
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
      // the server went away: listen again after a pause (the page says nothing: this is not the user's doing)
    }
    await new Promise((resolve) => setTimeout(resolve, RELISTEN_MS));
  }
}
