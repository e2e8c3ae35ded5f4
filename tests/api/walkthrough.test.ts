/**
 * The README's walkthrough, run as written: each GraphQL block of "Editing a case" is sent in order
 * with Alice's editor token, and must answer exactly the JSON the README shows after it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory/memoryStore.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { apiFor } from '../support/api.js';
import { rustCase } from '../support/stores.js';

const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('## Editing a case'),
  readme.indexOf('\n## ', readme.indexOf('## Editing a case') + 5),
);
const blocks = [...section.matchAll(/```(graphql|json)\n([\s\S]*?)```/g)].map(([, lang, body]) => ({
  lang,
  body: body!,
}));
/** Each GraphQL block with the answer shown after it (the first JSON block is GraphiQL's headers). */
const steps = blocks.flatMap((block, i) =>
  block.lang === 'graphql' && blocks[i + 1]?.lang === 'json'
    ? [{ query: block.body, answer: blocks[i + 1]!.body }]
    : [],
);

describe('the README walkthrough of editing a case', () => {
  it('has its steps', () => expect(steps.length).toBeGreaterThanOrEqual(4));

  it('answers each step as the README shows, on the embedded store', async () => {
    const api = apiFor(new MemoryStore(rustCase()), { editorTokens: ['alice:s3cret'] });
    for (const step of steps) {
      const answer = await api.query(step.query, undefined, { authorization: 'Bearer s3cret' });
      expect(answer.errors, step.query).toBeUndefined();
      expect({ data: answer.data }).toMatchObject(JSON.parse(step.answer));
    }
  });
});
