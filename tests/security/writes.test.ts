/**
 * Attacks on editors' writes, as an outsider and as a token holder would make them. Each test
 * asserts the safe behaviour: a failing test is a hole. Most run on the embedded store; the
 * concurrency and injection ones (and the merge chain that corrupts) on Neo4j too.
 *
 * - who may write: no, invalid, read, analyst token (with and without REQUIRE_AUTH), batches, GET,
 *   form posts, SSE, client-supplied actors
 * - evidence: offsets, quotes that only look alike (NFC/NFD, curly apostrophes), split surrogates
 * - huge inputs: 50 MB text, 10k aliases or evidence, 10k aliases in a document, deep JSON, long reason
 * - explicit nulls that the domain cannot hold (name: null)
 * - merge tricks: self, back and forth, former keys, kinds, twice, chains undone in either order
 * - 50 concurrent writes to one claim (no lost update, gapless seq), Cypher injection
 * - the audit trail: actor only from the token's name, no texts, no secrets in logs or errors
 */
import { Writable } from 'node:stream';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_OPTIONS, type ServerOptions } from '../../src/config.js';
import { createServer } from '../../src/http/createServer.js';
import { createLogger, createMetrics } from '../../src/http/observability.js';
import type { GraphStore } from '../../src/store/graphStore.js';
import { MemoryStore } from '../../src/store/memory/memoryStore.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4jStore.js';
import { apiFor } from '../support/api.js';
import { snapshotOf } from '../support/snapshot.js';
import { DATABASE, neo4jDriver, neo4jUri, rustCase, STORES, type StoreUnderTest } from '../support/stores.js';

const SECRETS = {
  alice: 'alice-editor-secret-7f3a9c',
  bob: 'bob-editor-secret-51d2e0',
  reader: 'reader-secret-c0ffee11',
  analyst: 'analyst-secret-deadbeef',
};
const TOKENS: Partial<ServerOptions> = {
  editorTokens: [`alice:${SECRETS.alice}`, `bob:${SECRETS.bob}`],
  readTokens: [`reader:${SECRETS.reader}`],
  analystTokens: [`ann:${SECRETS.analyst}`],
};
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const ALICE = bearer(SECRETS.alice);
const BOB = bearer(SECRETS.bob);

/** The codes a refusal may carry (API.md), and Yoga's for a document or request it cannot take. */
const REFUSAL_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COMPLEX',
  'BAD_REQUEST',
  'GRAPHQL_VALIDATION_FAILED',
];

type Errors = { message: string; extensions?: { code?: string; field?: string } }[] | undefined;
type Api = ReturnType<typeof apiFor>;

const ADD_SOURCE = `mutation($input: AddSourceInput!) { addSource(input: $input) { source { key } change { seq actor } } }`;
const UPSERT = `mutation($input: UpsertEntityInput!) { upsertEntity(input: $input) {
  entity { key name aliases summary } change { seq actor reason } } }`;
const ADD_MENTION = `mutation($input: AddMentionInput!) { addMention(input: $input) { entity { key } change { seq } } }`;
const ASSERT = `mutation($input: AssertRelationshipInput!) { assertRelationship(input: $input) {
  relationship { key role evidence { quote modality assertedBy } } change { seq actor } } }`;
const RETRACT = `mutation($input: RetractRelationshipInput!) { retractRelationship(input: $input) { retractedKey change { seq } } }`;
const MERGE = `mutation($input: MergeEntitiesInput!) { mergeEntities(input: $input) { entity { key formerKeys } change { seq } } }`;
const UNMERGE = `mutation($input: UnmergeEntitiesInput!) { unmergeEntities(input: $input) {
  survivor { key } restored { key } change { seq } } }`;

const RUST_ARTICLE = rustCase().sources.find((s) => s.key === 'rust-article')!.text;
/** A span of the Rust article, with its exact quote. */
function article(words: string) {
  const start = RUST_ARTICLE.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the article`);
  return { source: 'rust-article', start, end: start + words.length, quote: words };
}

/** Every mention and every piece of evidence in the graph, as comparable strings: what must never be lost. */
async function factsOf(store: GraphStore) {
  const snapshot = await snapshotOf(store);
  const mentions = snapshot.entities.flatMap((e) => e.mentions.map((m) => `${m.sourceKey}:${m.start}-${m.end}`));
  const evidence = new Map<string, string[]>();
  for (const r of snapshot.relationships.flat()) {
    evidence.set(
      r.key,
      r.evidence.map((e) => `${e.sourceKey}:${e.start}-${e.end}:${e.modality}`),
    );
  }
  return { mentions: new Set(mentions), claims: evidence };
}

/** A write that must be refused with `code` (and `field`), leaving the graph exactly as it was. */
async function expectRefused(
  api: Api,
  store: GraphStore,
  mutation: string,
  input: unknown,
  code: string,
  field?: string,
  headers: Record<string, string> = ALICE,
) {
  const before = await snapshotOf(store);
  const { errors } = (await api.query(mutation, { input }, headers)) as { errors: Errors };
  expect(errors?.[0]?.extensions?.code, JSON.stringify(errors)).toBe(code);
  if (field) expect(errors?.[0]?.extensions?.field, JSON.stringify(errors)).toBe(field);
  expect(await snapshotOf(store)).toEqual(before);
}

const embedded = async () => new MemoryStore(rustCase());

describe('who may write (embedded store)', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await embedded();
  });

  const attempts: [string, string, unknown][] = [
    ['addSource', ADD_SOURCE, { key: 'intruder-source', caseKey: 'rust-case', text: 'Written by an intruder.' }],
    ['retractRelationship', RETRACT, { key: 'lewten-nikas--represents--alec-baldwin', reason: 'intrusion' }],
    ['mergeEntities', MERGE, { survivorKey: 'lewten-nikas', mergedKey: 'alex-spiro' }],
    ['upsertEntity', UPSERT, { key: 'alec-baldwin', kind: 'PERSON', summary: 'defaced' }],
  ];

  for (const requireAuth of [false, true]) {
    it(`refuses every caller but an editor, and writes nothing (REQUIRE_AUTH=${requireAuth})`, async () => {
      const api = apiFor(store, { ...TOKENS, requireAuth });
      const callers: [string, Record<string, string>, string][] = [
        ['no token', {}, 'UNAUTHENTICATED'],
        ['an unknown token', bearer('not-a-token'), 'UNAUTHENTICATED'],
        ['an editor secret with its name', bearer(`alice:${SECRETS.alice}`), 'UNAUTHENTICATED'],
        ['a read token', bearer(SECRETS.reader), 'FORBIDDEN'],
        ['an analyst token', bearer(SECRETS.analyst), 'FORBIDDEN'],
        [
          'Basic auth with an editor secret',
          { authorization: `Basic ${btoa(`alice:${SECRETS.alice}`)}` },
          'UNAUTHENTICATED',
        ],
        [
          'two bearer tokens',
          { authorization: `Bearer ${SECRETS.reader}, Bearer ${SECRETS.alice}` },
          'UNAUTHENTICATED',
        ],
      ];
      for (const [who, headers, code] of callers) {
        for (const [name, mutation, input] of attempts) {
          const before = await snapshotOf(store);
          const { errors } = (await api.query(mutation, { input }, headers)) as { errors: Errors };
          expect(errors?.[0]?.extensions?.code, `${name} with ${who}`).toBe(code);
          expect(await snapshotOf(store), `${name} with ${who}`).toEqual(before);
        }
      }
    });
  }

  it('refuses the mutations of a batch to a read token, and a batch over the limit as a whole', async () => {
    const api = apiFor(store, TOKENS);
    const before = await snapshotOf(store);
    const batch = async (operations: unknown[], headers: Record<string, string>) => {
      const response = await api.yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify(operations),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    const read = { query: '{ changes(first: 1) { totalCount } }' };
    const write = (i: number) => ({
      query: ADD_SOURCE,
      variables: { input: { key: `batched-${i}`, caseKey: 'rust-case', text: 'batched' } },
    });
    const mixed = await batch([read, write(0)], bearer(SECRETS.reader));
    const results = mixed.body as { data?: unknown; errors?: Errors }[];
    expect(results[0]?.errors).toBeUndefined();
    expect(results[1]?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // eleven writes by an editor: over MAX_BATCH (10), so none of them may land
    const tooMany = await batch(
      Array.from({ length: DEFAULT_SERVER_OPTIONS.limits.maxBatch + 1 }, (_, i) => write(i)),
      ALICE,
    );
    expect(JSON.stringify(tooMany.body)).toContain('QUERY_TOO_COMPLEX');
    expect(await snapshotOf(store)).toEqual(before);
  });

  it('never runs a mutation from a GET, a form post or a subscription request', async () => {
    const api = apiFor(store, TOKENS);
    const before = await snapshotOf(store);
    const document = `mutation { retractRelationship(input: {key: "lewten-nikas--represents--alec-baldwin", reason: "csrf"}) { retractedKey } }`;
    const url = `http://test/graphql?query=${encodeURIComponent(document)}`;
    const requests: [string, RequestInit, number, string][] = [
      [
        'GET with the CSRF header',
        { method: 'GET', headers: { ...ALICE, 'x-graphql-yoga-csrf': '1' } },
        405,
        'BAD_REQUEST',
      ],
      ['GET without it', { method: 'GET', headers: ALICE }, 403, 'FORBIDDEN'],
      [
        'a urlencoded form post',
        {
          method: 'POST',
          headers: { ...ALICE, 'content-type': 'application/x-www-form-urlencoded' },
          body: `query=${encodeURIComponent(document)}`,
        },
        403,
        'FORBIDDEN',
      ],
      [
        'a text/plain post',
        {
          method: 'POST',
          headers: { ...ALICE, 'content-type': 'text/plain' },
          body: JSON.stringify({ query: document }),
        },
        403,
        'FORBIDDEN',
      ],
    ];
    for (const [what, init, status, code] of requests) {
      const target = init.method === 'GET' ? url : 'http://test/graphql';
      const response = await api.yoga.fetch(target, init);
      const body = (await response.json()) as { errors?: Errors };
      expect(response.status, what).toBe(status);
      expect(body.errors?.[0]?.extensions?.code, what).toBe(code);
    }
    // a document holding a subscription and a mutation, asked for the mutation over SSE, by a reader
    const sse = await api.yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...bearer(SECRETS.reader) },
      body: JSON.stringify({
        query: `subscription Watch { graphChanged { seq } } ${document.replace('mutation', 'mutation Smuggle')}`,
        operationName: 'Smuggle',
      }),
    });
    expect(await sse.text()).toContain('FORBIDDEN');
    expect(await snapshotOf(store)).toEqual(before);
  });

  it('records the token’s name as the actor, whatever the client says about itself', async () => {
    const api = apiFor(store, TOKENS);
    const spoofed = await api.query(
      ADD_SOURCE,
      { input: { key: 'spoof', caseKey: 'rust-case', text: 'x', actor: 'mallory' } },
      { ...BOB, 'x-actor': 'mallory', 'x-forwarded-user': 'mallory' },
    );
    expect((spoofed.errors as Errors)?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const response = await api.yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-actor': 'mallory', ...BOB },
      body: JSON.stringify({
        query: ASSERT,
        variables: {
          input: {
            type: 'FILMED_AT',
            from: 'rust',
            to: 'montana',
            evidence: [{ ...article('Montana'), modality: 'INFERRED' }],
          },
        },
        extensions: { actor: 'mallory', caller: { name: 'mallory' } },
      }),
    });
    const { data } = (await response.json()) as {
      data: {
        assertRelationship: { change: { actor: string }; relationship: { evidence: { assertedBy: string | null }[] } };
      };
    };
    expect(data.assertRelationship.change.actor).toBe('bob');
    expect(data.assertRelationship.relationship.evidence.map((e) => e.assertedBy)).toContain('bob');
    expect(JSON.stringify(data)).not.toContain('mallory');
  });
});

describe('evidence offsets and quotes (embedded store)', () => {
  let store: GraphStore;
  let api: Api;
  /** NFC "é", a curly apostrophe, an emoji (a surrogate pair) and a non-breaking hyphen. */
  const TEXT = 'Caf\u00e9 owner O\u2019Neil said \u{1F600} on\u2011set.';
  const at = (start: number, end: number, quote: string) => ({ source: 'tricky', start, end, quote });
  const mention = (span: unknown) => ({ entityKey: 'rust', mention: span });
  const ADD = ADD_MENTION;

  beforeAll(async () => {
    store = await embedded();
    api = apiFor(store, TOKENS);
    const { errors } = await api.query(
      ADD_SOURCE,
      { input: { key: 'tricky', caseKey: 'rust-case', text: TEXT } },
      ALICE,
    );
    expect(errors).toBeUndefined();
  });

  it('refuses offsets outside the text, empty or reversed spans, and non-integers, with a code', async () => {
    const spans: [unknown, string][] = [
      [at(-1, 3, 'Ca'), 'mention.start'],
      [at(0, TEXT.length + 1, `${TEXT} `), 'mention.end'],
      [at(3, 3, ''), 'mention.end'],
      [at(5, 2, 'x'), 'mention.end'],
      [at(0, 2 ** 31, 'x'), ''],
      [at(0, 2 ** 31 - 1, 'x'), 'mention.end'],
      [at(-(2 ** 31), 1, 'C'), 'mention.start'],
      [{ ...at(0, 1, 'C'), start: 0.5 }, ''],
      [{ ...at(0, 1, 'C'), start: 'NaN' }, ''],
      [{ ...at(0, 1, 'C'), start: '0' }, ''],
      [{ ...at(0, 1, 'C'), start: null }, ''],
      [{ ...at(0, 1, 'C'), start: Number.MAX_SAFE_INTEGER + 2 }, ''],
    ];
    for (const [span, field] of spans) {
      await expectRefused(api, store, ADD, mention(span), 'BAD_USER_INPUT', field || undefined);
    }
  });

  it('refuses a quote that only looks like the text: NFD for NFC, straight for curly, lookalike hyphens', async () => {
    const e = TEXT.indexOf('\u00e9');
    const apostrophe = TEXT.indexOf('\u2019');
    const hyphen = TEXT.indexOf('\u2011');
    const lookalikes: [number, number, string][] = [
      [0, e + 1, 'Cafe\u0301'], // NFD: same glyphs, one code unit more
      [0, e + 1, 'Cafe'],
      [0, e + 1, 'CAF\u00c9'],
      [apostrophe - 1, apostrophe + 5, "O'Neil"],
      [apostrophe - 1, apostrophe + 5, 'O\u02bcNeil'],
      [hyphen - 2, hyphen + 4, 'on-set'],
      [0, 4, 'Caf\u00e9\u200b'], // a zero-width space after the word
      [0, 4, '\uff23af\u00e9'], // fullwidth C
    ];
    for (const [start, end, quote] of lookalikes) {
      await expectRefused(api, store, ADD, mention(at(start, end, quote)), 'BAD_USER_INPUT');
    }
    // the exact quote, byte for byte, is taken
    const exact = await api.query(ADD, { input: mention(at(apostrophe - 1, apostrophe + 5, 'O\u2019Neil')) }, ALICE);
    expect(exact.errors).toBeUndefined();
  });

  it('refuses a span that splits a surrogate pair (its quote is not Unicode text)', async () => {
    const emoji = TEXT.indexOf('\u{1F600}');
    // [emoji, emoji + 1) is the high surrogate alone: "byte exact" it can never be, in UTF-8
    await expectRefused(api, store, ADD, mention(at(emoji, emoji + 1, '\ud83d')), 'BAD_USER_INPUT');
    await expectRefused(api, store, ADD, mention(at(emoji + 1, emoji + 3, '\ude00 ')), 'BAD_USER_INPUT');
  });

  it('refuses a source text that is not well-formed Unicode (a lone surrogate cannot be stored byte for byte)', async () => {
    await expectRefused(
      api,
      store,
      ADD_SOURCE,
      { key: 'lone-surrogate', caseKey: 'rust-case', text: 'A lone \ud800 surrogate.' },
      'BAD_USER_INPUT',
      'text',
    );
  });
});

describe('huge inputs (embedded store)', () => {
  let store: GraphStore;
  let api: Api;
  beforeAll(async () => {
    store = await embedded();
    api = apiFor(store, TOKENS);
  });

  it('refuses a 50 MB source text at the body limit (413, QUERY_TOO_COMPLEX), writing nothing', async () => {
    const before = await snapshotOf(store);
    const text = 'x'.repeat(50 * 1024 * 1024);
    const { status, errors } = (await api.query(
      ADD_SOURCE,
      { input: { key: 'huge', caseKey: 'rust-case', text } },
      ALICE,
    )) as { status: number; errors: Errors };
    expect(status).toBe(413);
    expect(errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(await snapshotOf(store)).toEqual(before);
  });

  it('refuses 10 000 aliases, 10 000 pieces of evidence and 10 000 aliased fields', async () => {
    const aliases = Array.from({ length: 10_000 }, (_, i) => `Alias ${i}`);
    await expectRefused(
      api,
      store,
      UPSERT,
      { key: 'alec-baldwin', kind: 'PERSON', aliases },
      'BAD_USER_INPUT',
      'aliases',
    );
    const evidence = Array.from({ length: 10_000 }, () => article('Montana'));
    await expectRefused(
      api,
      store,
      ASSERT,
      { type: 'FILMED_AT', from: 'rust', to: 'montana', evidence },
      'BAD_USER_INPUT',
      'evidence',
    );
    const fields = Array.from({ length: 10_000 }, (_, i) => `a${i}: __typename`).join(' ');
    const { errors } = (await api.query(`mutation { ${fields} }`, {}, ALICE)) as { errors: Errors };
    expect(errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses deeply nested JSON variables with a code, not a 500', async () => {
    const depth = 200_000;
    const response = await api.yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...ALICE },
      body: `{"query":${JSON.stringify(ADD_SOURCE)},"variables":{"input":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
    });
    const body = (await response.json()) as { errors?: Errors };
    expect(response.status).toBeLessThan(500);
    expect(REFUSAL_CODES).toContain(body.errors?.[0]?.extensions?.code);
  });

  it('bounds the texts an editor writes into the audit trail: a 6 000-character reason is refused', async () => {
    // checks.ts: "Longest summary or reason" is MAX_LONG_TEXT (5000), but authorOf never applies it
    await expectRefused(
      api,
      store,
      UPSERT,
      { key: 'alec-baldwin', kind: 'PERSON', summary: 'Actor.', reason: 'r'.repeat(6000) },
      'BAD_USER_INPUT',
      'reason',
    );
  });
});

describe('fields the graph cannot hold', () => {
  for (const under of STORES) {
    describe.runIf(under.available)(`${under.name} store`, () => {
      let store: GraphStore;
      let api: Api;
      beforeAll(async () => {
        store = await under.open();
        api = apiFor(store, TOKENS);
      });
      afterAll(async () => {
        await store?.close();
      });

      it('refuses name: null on an existing entity (BAD_USER_INPUT), not a masked INTERNAL_SERVER_ERROR', async () => {
        // upsertEntity keeps null as "given" (only undefined means "left out"): the entity would lose its name
        await expectRefused(
          api,
          store,
          UPSERT,
          { key: 'rust', kind: 'PRODUCTION', name: null },
          'BAD_USER_INPUT',
          'name',
        );
      });
    });
  }
});

describe('every refusal carries a code (embedded store)', () => {
  it('answers odd but well-typed inputs to every mutation with data or a refusal code, never a masked error', async () => {
    const store = await embedded();
    const api = apiFor(store, TOKENS);
    const odd = [null, '', ' ', '\u0000', '\ud800', 'x'.repeat(301), 'rust', 'alec-baldwin', 'lewten-nikas'];
    const masked: string[] = [];
    const attempt = async (mutation: string, input: Record<string, unknown>) => {
      const { data, errors } = (await api.query(mutation, { input }, ALICE)) as { data: unknown; errors: Errors };
      const code = errors?.[0]?.extensions?.code;
      if (errors && !REFUSAL_CODES.includes(code ?? ''))
        masked.push(`${code} ${mutation.slice(9, 40)} ${JSON.stringify(input)}`);
      if (!errors && !data) masked.push(`no answer ${JSON.stringify(input)}`);
    };
    const entity = { key: 'alec-baldwin', kind: 'PERSON' };
    for (const value of odd) {
      for (const field of ['name', 'summary', 'aliases', 'occupations', 'date', 'organisationType', 'reason']) {
        const given = field === 'aliases' || field === 'occupations' ? (value === null ? null : [value]) : value;
        await attempt(UPSERT, { ...entity, [field]: given });
      }
      await attempt(UPSERT, { key: 'new-person', kind: 'PERSON', name: value, mention: article('Alec Baldwin') });
      await attempt(UPSERT, {
        key: 'new-event',
        kind: 'EVENT',
        name: 'E',
        eventType: value,
        date: value,
        mention: article('Alec Baldwin'),
      });
      await attempt(ASSERT, {
        type: 'PARTICIPATED_IN',
        from: 'alec-baldwin',
        to: 'rust-set-incident',
        role: value,
        key: value,
        evidence: [{ ...article('Alec Baldwin'), modality: 'ALLEGED', assertedBy: value }],
      });
      await attempt(ADD_SOURCE, {
        key: 'odd-source',
        caseKey: 'rust-case',
        text: 'Odd.',
        title: value,
        publisher: value,
        published: value,
        url: value,
      });
      await attempt(MERGE, { survivorKey: 'alec-baldwin', mergedKey: value ?? 'x', reason: value });
      await attempt(UNMERGE, { survivorKey: value ?? 'x', mergedKey: 'lewten-nikas' });
      await attempt(RETRACT, { key: value ?? 'x', reason: value ?? 'r' });
    }
    expect(masked).toEqual([]);
  });
});

describe('merge tricks (embedded store)', () => {
  let store: GraphStore;
  let api: Api;
  const merge = (survivorKey: string, mergedKey: string) =>
    api.query(MERGE, { input: { survivorKey, mergedKey } }, ALICE) as Promise<{ errors: Errors }>;
  const unmerge = (survivorKey: string, mergedKey: string) =>
    api.query(UNMERGE, { input: { survivorKey, mergedKey } }, ALICE) as Promise<{ errors: Errors }>;

  beforeAll(async () => {
    store = await embedded();
    api = apiFor(store, TOKENS);
  });

  it('refuses self-merges, merges back, into former keys, across kinds, and a second unmerge, writing nothing', async () => {
    const facts = await factsOf(store);
    await expectRefused(
      api,
      store,
      MERGE,
      { survivorKey: 'alex-spiro', mergedKey: 'alex-spiro' },
      'BAD_USER_INPUT',
      'mergedKey',
    );
    await expectRefused(
      api,
      store,
      MERGE,
      { survivorKey: 'alex-spiro', mergedKey: 'rust' },
      'BAD_USER_INPUT',
      'mergedKey',
    );
    await expectRefused(
      api,
      store,
      UNMERGE,
      { survivorKey: 'alex-spiro', mergedKey: 'lewten-nikas' },
      'NOT_FOUND',
      'mergedKey',
    );
    expect((await merge('alex-spiro', 'lewten-nikas')).errors).toBeUndefined();
    // B into A after A into B; A into itself through its former key; anything into a former key
    await expectRefused(api, store, MERGE, { survivorKey: 'lewten-nikas', mergedKey: 'alex-spiro' }, 'NOT_FOUND');
    await expectRefused(api, store, MERGE, { survivorKey: 'alex-spiro', mergedKey: 'lewten-nikas' }, 'NOT_FOUND');
    await expectRefused(api, store, MERGE, { survivorKey: 'lewten-nikas', mergedKey: 'joel-souza' }, 'NOT_FOUND');
    await expectRefused(api, store, UPSERT, { key: 'lewten-nikas', kind: 'PERSON', summary: 'x' }, 'CONFLICT', 'key');
    expect((await unmerge('alex-spiro', 'lewten-nikas')).errors).toBeUndefined();
    await expectRefused(
      api,
      store,
      UNMERGE,
      { survivorKey: 'alex-spiro', mergedKey: 'lewten-nikas' },
      'CONFLICT',
      'mergedKey',
    );
    expect(await factsOf(store)).toEqual(facts);
  });

  it('undoes a chain of merges newest first: merge A→B, B→C, then unmerge C/B and B/A', async () => {
    const fresh = await embedded();
    const chain = apiFor(fresh, TOKENS);
    const start = await snapshotOf(fresh);
    const run = async (mutation: string, survivorKey: string, mergedKey: string) => {
      const { errors } = (await chain.query(mutation, { input: { survivorKey, mergedKey } }, ALICE)) as {
        errors: Errors;
      };
      expect(errors, `${mutation.slice(9, 24)} ${survivorKey} ${mergedKey}`).toBeUndefined();
    };
    await run(MERGE, 'alex-spiro', 'lewten-nikas');
    await run(MERGE, 'joel-souza', 'alex-spiro');
    await run(UNMERGE, 'joel-souza', 'alex-spiro');
    // the later merge is undone, as the CONFLICT message asks: this one must now be possible
    await run(UNMERGE, 'alex-spiro', 'lewten-nikas');
    expect({ ...(await snapshotOf(fresh)), changes: 0 }).toEqual({ ...start, changes: 0 });
  });
});

describe('a chain of merges undone in the wrong order', () => {
  for (const under of STORES) {
    describe.runIf(under.available)(`${under.name} store`, () => {
      let store: GraphStore;
      let api: Api;
      beforeAll(async () => {
        store = await under.open();
        api = apiFor(store, TOKENS);
      });
      afterAll(async () => {
        await store?.close();
      });

      it('refuses with CONFLICT (not a masked error) when a claim the merge moved was moved again by another merge', async () => {
        const facts = await factsOf(store);
        // 1: lewten-nikas into alex-spiro moves "lewten-nikas--represents--alec-baldwin" to alex-spiro
        // 2: alec-baldwin into joel-souza moves that claim's other end; its entityKeys do not name alex-spiro
        for (const [survivorKey, mergedKey] of [
          ['alex-spiro', 'lewten-nikas'],
          ['joel-souza', 'alec-baldwin'],
        ]) {
          const { errors } = (await api.query(MERGE, { input: { survivorKey, mergedKey } }, ALICE)) as {
            errors: Errors;
          };
          expect(errors).toBeUndefined();
        }
        // undoing 1 first would restore the claim to end at alec-baldwin, which no longer exists
        await expectRefused(
          api,
          store,
          UNMERGE,
          { survivorKey: 'alex-spiro', mergedKey: 'lewten-nikas' },
          'CONFLICT',
          'mergedKey',
        );
        // nothing lost: every mention and piece of evidence is still somewhere in the graph
        const after = await factsOf(store);
        expect(after.mentions).toEqual(facts.mentions);
        expect([...after.claims.values()].flat().sort()).toEqual([...facts.claims.values()].flat().sort());
      });
    });
  }
});

describe('concurrent editors', () => {
  for (const under of STORES) {
    describe.runIf(under.available)(`${under.name} store`, () => {
      let store: GraphStore;
      let api: Api;
      beforeAll(async () => {
        store = await under.open();
        api = apiFor(store, TOKENS);
      });
      afterAll(async () => {
        await store?.close();
      });

      it('loses no update: 50 clients add different evidence to one claim at once, all 50 land, seq gapless', async () => {
        const [claim] = await store.relationshipsByKeys(['rust--filmed-at--montana']);
        const started = performance.now();
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) => {
            const start = 1000 + i;
            return api.query(
              ASSERT,
              {
                input: {
                  type: 'FILMED_AT',
                  from: 'rust',
                  to: 'montana',
                  evidence: [
                    {
                      source: 'rust-article',
                      start,
                      end: start + 1,
                      quote: RUST_ARTICLE.slice(start, start + 1),
                      modality: 'INFERRED',
                    },
                  ],
                },
              },
              i % 2 ? ALICE : BOB,
            );
          }),
        );
        const ms = Math.round(performance.now() - started);
        const failed = results.filter((r) => r.errors).map((r) => (r.errors as Errors)?.[0]?.extensions?.code);
        console.info(
          `[writes] ${under.name}: 50 concurrent assertRelationship in ${ms} ms; refused: ${JSON.stringify(failed)}`,
        );
        expect(failed).toEqual([]);
        const [after] = await store.relationshipsByKeys(['rust--filmed-at--montana']);
        expect(after!.evidence.length).toBe(claim!.evidence.length + 50);
        const seqs = (await store.changes(null, { offset: 0, limit: 1000 })).items
          .map((c) => c.seq)
          .sort((a, b) => a - b);
        expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      });
    });
  }
});

describe.runIf(neo4jUri !== null)('a queue of writes on Neo4j', () => {
  let store: GraphStore;
  let api: Api;
  beforeAll(async () => {
    // seeds the case graph, then a store as createStore builds it with STORE_TIMEOUT_MS=1000
    await (await STORES.find((s) => s.name === 'neo4j')!.open()).close();
    store = new Neo4jStore(neo4jDriver(), DATABASE, { timeoutMs: 1_000 });
    api = apiFor(store, TOKENS);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('lands every write of a queue longer than STORE_TIMEOUT_MS: waiting for the write lock is not the write’s own time', async () => {
    // one write alone lands well within the timeout
    const alone = await api.query(
      ASSERT,
      {
        input: {
          type: 'FILMED_AT',
          from: 'rust',
          to: 'montana',
          evidence: [{ ...article('Montana'), modality: 'INFERRED' }],
        },
      },
      ALICE,
    );
    expect(alone.errors).toBeUndefined();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        const start = 1500 + i;
        const quote = RUST_ARTICLE.slice(start, start + 1);
        return api.query(
          ASSERT,
          {
            input: {
              type: 'FILMED_AT',
              from: 'rust',
              to: 'montana',
              evidence: [{ source: 'rust-article', start, end: start + 1, quote, modality: 'INFERRED' }],
            },
          },
          ALICE,
        );
      }),
    );
    const failed = results.filter((r) => r.errors).map((r) => (r.errors as Errors)?.[0]?.extensions?.code);
    console.info(`[writes] neo4j, STORE_TIMEOUT_MS=1000, 30 concurrent writes: refused ${JSON.stringify(failed)}`);
    expect(failed).toEqual([]);
  });
});

describe.runIf(neo4jUri !== null)('Cypher injection through every string a write sends (Neo4j)', () => {
  const neo4jStore = STORES.find((s) => s.name === 'neo4j') as StoreUnderTest;
  let store: GraphStore;
  let api: Api;
  let driver: Driver;
  beforeAll(async () => {
    store = await neo4jStore.open();
    api = apiFor(store, TOKENS);
    driver = neo4jDriver();
  });
  afterAll(async () => {
    await store?.close();
    await driver?.close();
  });

  const census = async () => {
    const { records } = await driver.executeQuery(
      `CALL { MATCH (n) RETURN 'node ' + reduce(s = '', l IN labels(n) | s + ':' + l) AS what
              UNION ALL MATCH ()-[r]->() RETURN 'rel ' + type(r) AS what }
       RETURN what, count(*) AS n ORDER BY what`,
    );
    return Object.fromEntries(records.map((r) => [r.get('what') as string, Number(r.get('n'))]));
  };

  const PAYLOADS = [
    `x'}) DETACH DELETE n //`,
    `x"}) MATCH (m) DETACH DELETE m RETURN 1 //`,
    'x`]->() CREATE (:Pwned) //',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload is literally "${evil}"
    '$(\'Pwned\') ${evil} {key: "x"}',
    "\\u0027; CALL dbms.security.createUser('p','p',false) //",
    '\u0000\u2028 NUL and line separators',
  ];

  it('stores hostile strings verbatim and creates nothing else', async () => {
    const census0 = await census();
    for (const [i, payload] of PAYLOADS.entries()) {
      const upsert = await api.query(
        UPSERT,
        {
          input: {
            key: 'alec-baldwin',
            kind: 'PERSON',
            summary: payload,
            aliases: [payload],
            occupations: [payload],
            reason: payload,
          },
        },
        ALICE,
      );
      expect(upsert.errors, payload).toBeUndefined();
      const claim = await api.query(
        ASSERT,
        {
          input: {
            key: `injection-${i}`,
            type: 'REPRESENTS',
            from: 'alex-spiro',
            to: 'alec-baldwin',
            role: payload,
            evidence: [{ ...article('Alex Spiro'), modality: 'REPORTED', assertedBy: payload }],
            reason: payload,
          },
        },
        ALICE,
      );
      expect(claim.errors, payload).toBeUndefined();
      // refusals with the payload as a key reach Cypher too (as parameters): NOT_FOUND or BAD_USER_INPUT
      for (const [mutation, input] of [
        [RETRACT, { key: payload, reason: payload }],
        [UNMERGE, { survivorKey: payload, mergedKey: payload }],
        [MERGE, { survivorKey: 'alex-spiro', mergedKey: payload }],
        [ADD_MENTION, { entityKey: payload, mention: article('Alex Spiro') }],
        [ADD_MENTION, { entityKey: 'alex-spiro', mention: { ...article('Alex Spiro'), source: payload } }],
        [ADD_SOURCE, { key: payload, caseKey: payload, text: payload }],
      ] as const) {
        const { errors } = (await api.query(mutation, { input }, ALICE)) as { errors: Errors };
        expect(['NOT_FOUND', 'BAD_USER_INPUT'], `${mutation.slice(9, 30)} ${payload}`).toContain(
          errors?.[0]?.extensions?.code,
        );
      }
    }
    const [alec] = await store.entitiesByKeys(['alec-baldwin']);
    const last = PAYLOADS.at(-1)!;
    expect(alec!.summary).toBe(last);
    expect(alec!.aliases).toEqual([last]);
    const census1 = await census();
    // only the claims asserted above are new: no node, no label, no other relationship
    const added = PAYLOADS.length;
    expect({ ...census1, 'rel REPRESENTS': census1['rel REPRESENTS']! - added }).toEqual({
      ...census0,
      'node :Change': (census0['node :Change'] ?? 0) + PAYLOADS.length * 2,
      ...(census0['node :WriteLock'] === undefined ? { 'node :WriteLock': 1 } : {}),
    });
  });

  it('refuses relationship types and kinds outside the enums before anything runs', async () => {
    const before = await census();
    for (const type of ['KNOWS', 'FILMED_AT]->() DETACH DELETE n //', 'filmed_at', '']) {
      const { errors } = (await api.query(
        ASSERT,
        { input: { type, from: 'rust', to: 'montana', evidence: [article('Montana')] } },
        ALICE,
      )) as { errors: Errors };
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const literal = (await api.query(
      `mutation { assertRelationship(input: {type: KNOWS, from: "rust", to: "montana", evidence: []}) { change { seq } } }`,
      {},
      ALICE,
    )) as { errors: Errors };
    expect(literal.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await census()).toEqual(before);
  });
});

describe('the audit trail and the logs (embedded store)', () => {
  it('keeps no source text in before/after, and never logs or answers a token secret', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const store = await embedded();
    const yoga = createServer(
      store,
      { ...DEFAULT_SERVER_OPTIONS, ...TOKENS },
      { logger: createLogger('debug', destination), metrics: createMetrics() },
    );
    const bodies: string[] = [];
    const ask = async (query: string, variables: unknown, headers: Record<string, string>) => {
      const response = await yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      bodies.push(text, JSON.stringify([...response.headers]));
      return text;
    };
    const TEXT = 'A distinctive sentence that only the source text holds: Rust resumed filming in Montana.';
    const span = (words: string) => {
      const start = TEXT.indexOf(words);
      return { source: 'audit-source', start, end: start + words.length, quote: words };
    };
    await ask(ADD_SOURCE, { input: { key: 'audit-source', caseKey: 'rust-case', text: TEXT } }, ALICE);
    await ask(ADD_MENTION, { input: { entityKey: 'montana', mention: span('Montana') } }, ALICE);
    await ask(
      ASSERT,
      {
        input: { type: 'FILMED_AT', from: 'rust', to: 'montana', evidence: [span('Rust resumed filming in Montana')] },
      },
      BOB,
    );
    await ask(MERGE, { input: { survivorKey: 'alex-spiro', mergedKey: 'lewten-nikas' } }, ALICE);
    await ask(RETRACT, { input: { key: 'rust--filmed-at--montana', reason: 'test' } }, ALICE);
    // refusals and a masked error, with the secrets of every kind of token, and wrong ones
    await ask(UPSERT, { input: { key: 'rust', kind: 'PRODUCTION', name: null } }, ALICE);
    await ask(ADD_SOURCE, { input: { key: 'x', caseKey: 'rust-case', text: 'x' } }, bearer(SECRETS.reader));
    await ask(ADD_SOURCE, { input: { key: 'x', caseKey: 'rust-case', text: 'x' } }, bearer(SECRETS.analyst));
    await ask(ADD_SOURCE, { input: { key: 'x', caseKey: 'rust-case', text: 'x' } }, bearer(`${SECRETS.alice}x`));
    await ask(ADD_SOURCE, { input: { key: 'x', caseKey: 'rust-case', text: 'x' } }, bearer(`alice:${SECRETS.alice}`));

    const trail = await ask(`{ changes(first: 100) { edges { node { actor before after } } } }`, {}, ALICE);
    expect(trail).not.toContain('distinctive sentence');
    const changes = (await store.changes(null, { offset: 0, limit: 100 })).items;
    expect(changes.length).toBe(5);
    for (const change of changes) {
      for (const state of [change.before, change.after]) {
        for (const source of state.sources) expect(Object.keys(source)).not.toContain('text');
      }
    }
    expect(new Set(changes.map((c) => c.actor))).toEqual(new Set(['alice', 'bob']));
    const everything = [...lines, ...bodies].join('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const secret of Object.values(SECRETS)) expect(everything).not.toContain(secret);
  });
});
