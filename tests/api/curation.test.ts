/**
 * Editors' writes on both stores: each mutation, each refusal (nothing written), the audit trail,
 * retraction kept in history, merge then unmerge restoring the exact graph.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { apiOn } from '../support/api.js';
import { snapshotOf } from '../support/snapshot.js';
import { STORES } from '../support/stores.js';

const EDITOR = { authorization: 'Bearer s3cret' };
const READER = { authorization: 'Bearer reader' };
const OPTIONS = { editorTokens: ['alice:s3cret'], readTokens: ['reader'] };

/** A second report on the case, in words of its own: it spells the cinematographer differently. */
const SECOND =
  'The case against Alec Baldwin over the death of Halyna Hutchins was dismissed by a judge, Variety reported. ' +
  'Prosecutors had alleged that Baldwin acted recklessly on the set of Rust. Filming is expected to resume in Montana.';
const at = (words: string, from = 0) => {
  const start = SECOND.indexOf(words, from);
  if (start < 0) throw new Error(`"${words}" is not in the test article`);
  return { source: 'variety-report', start, end: start + words.length, quote: words };
};

interface Payload {
  [name: string]: { change: { seq: number; action: string; actor: string } } & Record<string, unknown>;
}
type Errors = { message: string; extensions?: { code?: string; field?: string } }[] | undefined;

const ADD_SOURCE = `mutation($input: AddSourceInput!) { addSource(input: $input) {
  clientMutationId source { key text title caseKey url } change { seq action actor } } }`;
const UPSERT = `mutation($input: UpsertEntityInput!) { upsertEntity(input: $input) {
  entity { key name aliases mentions { quote source { key } } } change { seq action actor reason } } }`;
const ASSERT = `mutation($input: AssertRelationshipInput!) { assertRelationship(input: $input) {
  relationship { key type role modalities sources { key }
    evidence { quote modality assertedBy source { key } } } change { seq action } } }`;
const RETRACT = `mutation($input: RetractRelationshipInput!) { retractRelationship(input: $input) {
  retractedKey change { seq action before } } }`;
const MERGE = `mutation($input: MergeEntitiesInput!) { mergeEntities(input: $input) {
  entity { key aliases formerKeys mentions { quote } } change { seq action } } }`;
const UNMERGE = `mutation($input: UnmergeEntitiesInput!) { unmergeEntities(input: $input) {
  survivor { key } restored { key name } change { seq action } } }`;

for (const under of STORES) {
  describe.runIf(under.available)(`curation (${under.name} store)`, () => {
    const on = apiOn(under, OPTIONS);
    const write = (mutation: string, input: Record<string, unknown>, headers: Record<string, string> = EDITOR) =>
      on.api.query<Payload>(mutation, { input }, headers);

    /** A write that must be refused with `code` naming `field`, leaving the graph exactly as it was. */
    async function refused(mutation: string, input: Record<string, unknown>, code: string, field?: string) {
      const before = await snapshotOf(on.store);
      const { errors } = (await write(mutation, input)) as { errors: Errors };
      expect(errors?.[0]?.extensions?.code, JSON.stringify(errors)).toBe(code);
      if (field) expect(errors?.[0]?.extensions?.field).toBe(field);
      expect(await snapshotOf(on.store)).toEqual(before);
      return errors![0]!;
    }

    it('lets only editors write: no token is UNAUTHENTICATED, a read token FORBIDDEN, and nothing is written', async () => {
      const before = await snapshotOf(on.store);
      const input = { key: 'variety-report', caseKey: 'rust-case', text: SECOND };
      expect(((await write(ADD_SOURCE, input, {})) as { errors: Errors }).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      expect(((await write(ADD_SOURCE, input, READER)) as { errors: Errors }).errors?.[0]?.extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect(await snapshotOf(on.store)).toEqual(before);
    });

    it('adds a source byte for byte, recording who did it; refuses a repeated key and a bad URL', async () => {
      const text = `${SECOND}\n`;
      const { data } = await write(ADD_SOURCE, {
        clientMutationId: 'm1',
        key: 'variety-report',
        caseKey: 'rust-case',
        text,
        publisher: 'Variety',
        url: 'https://variety.example/rust',
        reason: 'second report',
      });
      expect(data?.addSource).toMatchObject({
        clientMutationId: 'm1',
        source: { key: 'variety-report', text, title: null, caseKey: 'rust-case', url: 'https://variety.example/rust' },
        change: { seq: 1, action: 'ADD_SOURCE', actor: 'alice' },
      });
      await refused(ADD_SOURCE, { key: 'variety-report', caseKey: 'rust-case', text: 'x' }, 'BAD_USER_INPUT', 'key');
      await refused(
        ADD_SOURCE,
        { key: 'other', caseKey: 'rust-case', text: 'x', url: 'file:///etc/passwd' },
        'BAD_USER_INPUT',
        'url',
      );
      await refused(ADD_SOURCE, { key: 'Not A Slug', caseKey: 'rust-case', text: 'x' }, 'BAD_USER_INPUT', 'key');
    });

    it('creates an entity with its first mention, and refuses wrong quotes, offsets and missing mentions', async () => {
      const { data } = await write(UPSERT, {
        key: 'halyna-hutchins',
        kind: 'PERSON',
        name: 'Halyna Hutchins',
        mention: at('Halyna Hutchins'),
        reason: 'named in the Variety report',
      });
      expect(data?.upsertEntity).toMatchObject({
        entity: { key: 'halyna-hutchins', name: 'Halyna Hutchins', mentions: [{ quote: 'Halyna Hutchins' }] },
        change: { action: 'UPSERT_ENTITY', actor: 'alice', reason: 'named in the Variety report' },
      });
      const wrongQuote = { ...at('Halyna Hutchins'), quote: 'Galina Hutchins' };
      const error = await refused(
        UPSERT,
        { key: 'x-person', kind: 'PERSON', name: 'X', mention: wrongQuote },
        'BAD_USER_INPUT',
        'mention.quote',
      );
      expect(error.message).toContain('Halyna Hutchins');
      const outside = { source: 'variety-report', start: 10, end: 100_000, quote: 'x' };
      await refused(
        UPSERT,
        { key: 'x-person', kind: 'PERSON', name: 'X', mention: outside },
        'BAD_USER_INPUT',
        'mention.end',
      );
      await refused(UPSERT, { key: 'x-person', kind: 'PERSON', name: 'X' }, 'BAD_USER_INPUT', 'mention');
      await refused(
        UPSERT,
        { key: 'x-event', kind: 'EVENT', name: 'X', mention: at('dismissed') },
        'BAD_USER_INPUT',
        'eventType',
      );
      await refused(UPSERT, { key: 'alec-baldwin', kind: 'LOCATION' }, 'BAD_USER_INPUT', 'kind');
      await refused(
        UPSERT,
        { key: 'y-person', kind: 'PERSON', name: 'Y', mention: { ...at('Rust'), source: 'nowhere' } },
        'BAD_USER_INPUT',
        'mention.source',
      );
    });

    it('adds a second source’s evidence to an existing claim, each with its attribution and modality', async () => {
      const { data } = await write(ASSERT, {
        type: 'FILMED_AT',
        from: 'rust',
        to: 'montana',
        evidence: [{ ...at('Filming is expected to resume in Montana'), modality: 'EXPECTED' }],
      });
      const claim = data?.assertRelationship?.relationship as {
        key: string;
        modalities: string[];
        sources: { key: string }[];
        evidence: { modality: string; source: { key: string } }[];
      };
      expect(claim.key).toBe('rust--filmed-at--montana');
      expect(claim.sources.map((s) => s.key)).toEqual(['rust-article', 'variety-report']);
      expect(claim.modalities).toContain('EXPECTED');
      expect(claim.modalities).not.toContain('STATED');
      const planned = await on.api.data<{ production: { filmingLocations: { key: string }[] } }>(
        `{ production: entity(kind: PRODUCTION, key: "rust") { ... on Production { filmingLocations(modality: [STATED]) { key } } } }`,
      );
      expect(planned.production.filmingLocations.map((l) => l.key)).not.toContain('montana');
    });

    it('refuses a claim whose type does not fit its ends, or a REPORTED one without its asserter', async () => {
      await refused(
        ASSERT,
        { type: 'WORKED_ON', from: 'montana', to: 'rust', evidence: [at('Rust')] },
        'BAD_USER_INPUT',
        'type',
      );
      await refused(
        ASSERT,
        {
          type: 'REPRESENTS',
          from: 'alex-spiro',
          to: 'alec-baldwin',
          role: 'counsel',
          evidence: [{ ...at('Variety reported'), modality: 'REPORTED' }],
        },
        'BAD_USER_INPUT',
        'evidence[0].assertedBy',
      );
      await refused(
        ASSERT,
        { type: 'FILMED_AT', from: 'rust', to: 'nobody', evidence: [at('Rust')] },
        'NOT_FOUND',
        'to',
      );
      await refused(
        ASSERT,
        { type: 'FILMED_AT', from: 'rust', to: 'montana', evidence: [] },
        'BAD_USER_INPUT',
        'evidence',
      );
    });

    it('asserts an ALLEGED claim with who alleges it, and groups an entity’s claims by source', async () => {
      const { data } = await write(UPSERT, {
        key: 'baldwin-dismissal',
        kind: 'EVENT',
        name: 'Dismissal of the case against Alec Baldwin',
        eventType: 'dismissal',
        mention: at('was dismissed by a judge'),
      });
      expect(data?.upsertEntity).toBeTruthy();
      const asserted = await write(ASSERT, {
        type: 'PARTICIPATED_IN',
        from: 'alec-baldwin',
        to: 'baldwin-dismissal',
        role: 'subject',
        evidence: [
          {
            ...at(
              'The case against Alec Baldwin over the death of Halyna Hutchins was dismissed by a judge, Variety reported',
            ),
            modality: 'REPORTED',
            assertedBy: 'Variety',
          },
        ],
      });
      expect(asserted.errors).toBeUndefined();
      const read = await on.api.data<{
        person: { claimsBySource: { source: { key: string }; relationships: { key: string }[] }[] };
      }>(
        `{ person: entity(kind: PERSON, key: "alec-baldwin") { claimsBySource { source { key } relationships { key } } } }`,
      );
      const bySource = Object.fromEntries(
        read.person.claimsBySource.map((c) => [c.source.key, c.relationships.map((r) => r.key)]),
      );
      expect(bySource['variety-report']).toEqual(['alec-baldwin--participated-in--baldwin-dismissal']);
      expect(bySource['rust-article']?.length).toBeGreaterThan(1);
    });

    it('retracts a claim with a reason: it leaves the graph, and the audit trail keeps it whole', async () => {
      const key = 'alec-baldwin--participated-in--baldwin-dismissal';
      await refused(RETRACT, { key }, 'BAD_USER_INPUT');
      await refused(RETRACT, { key, reason: '   ' }, 'BAD_USER_INPUT', 'reason');
      await refused(RETRACT, { key: 'no-such-claim', reason: 'r' }, 'NOT_FOUND', 'key');
      const { data } = await write(RETRACT, { key, reason: 'the report was about another case' });
      expect(data?.retractRelationship?.retractedKey).toBe(key);
      const gone = await on.api.data<{ node: unknown }>(
        `{ node: entity(kind: PERSON, key: "alec-baldwin") { relationships(first: 100) { edges { node { id } } } } }`,
      );
      expect(JSON.stringify(gone)).not.toContain(Buffer.from(`Relationship:${key}`).toString('base64'));
      const history = await on.api.data<{
        changes: {
          totalCount: number;
          edges: {
            node: { action: string; reason: string; before: { relationships: { key: string; evidence: unknown[] }[] } };
          }[];
        };
      }>(`{ changes(entity: "baldwin-dismissal", first: 10) { totalCount edges { node { action reason before } } } }`);
      const [latest] = history.changes.edges.map((e) => e.node);
      expect(latest).toMatchObject({ action: 'RETRACT_RELATIONSHIP', reason: 'the report was about another case' });
      expect(latest!.before.relationships[0]).toMatchObject({
        key,
        evidence: [expect.objectContaining({ modality: 'REPORTED', assertedBy: 'Variety' })],
      });
    });

    describe('merging', () => {
      let beforeMerge: Awaited<ReturnType<typeof snapshotOf>>;
      beforeAll(async () => {
        // Halyna gets a claim of her own, so that the merge has a claim to move
        await write(ASSERT, {
          type: 'CONCERNS',
          from: 'baldwin-dismissal',
          to: 'halyna-hutchins',
          evidence: [at('The case against Alec Baldwin over the death of Halyna Hutchins was dismissed')],
        });
        beforeMerge = await snapshotOf(on.store);
      });

      it('merges two spellings: names, mentions and claims move, and the old key reaches the survivor', async () => {
        const { data, errors } = (await write(MERGE, {
          survivorKey: 'galina-hutchins',
          mergedKey: 'halyna-hutchins',
          reason: 'same cinematographer',
        })) as { data: Payload; errors: Errors };
        expect(errors).toBeUndefined();
        expect(data.mergeEntities?.entity).toMatchObject({ key: 'galina-hutchins', formerKeys: ['halyna-hutchins'] });
        expect((data.mergeEntities!.entity as { aliases: string[] }).aliases).toContain('Halyna Hutchins');
        const read = await on.api.data<{
          e: { key: string; relationships: { edges: { node: { from: { key: string } } }[] } };
        }>(
          `{ e: entity(kind: PERSON, key: "halyna-hutchins") { key relationships(types: [CONCERNS]) { edges { node { from { key } } } } } }`,
        );
        expect(read.e.key).toBe('galina-hutchins');
        expect(read.e.relationships.edges.map((e) => e.node.from.key)).toContain('baldwin-dismissal');
      });

      it('unmerges exactly: the graph is as it was before the merge', async () => {
        const { data, errors } = (await write(UNMERGE, {
          survivorKey: 'galina-hutchins',
          mergedKey: 'halyna-hutchins',
        })) as {
          data: Payload;
          errors: Errors;
        };
        expect(errors).toBeUndefined();
        expect(data.unmergeEntities?.restored).toEqual({ key: 'halyna-hutchins', name: 'Halyna Hutchins' });
        const after = await snapshotOf(on.store);
        expect({ ...after, changes: 0 }).toEqual({ ...beforeMerge, changes: 0 });
        expect(after.changes).toBe(beforeMerge.changes + 2);
      });

      it('refuses to unmerge once the entities were edited after the merge (CONFLICT), losing nothing', async () => {
        await write(MERGE, { survivorKey: 'galina-hutchins', mergedKey: 'halyna-hutchins' });
        await write(UPSERT, { key: 'galina-hutchins', kind: 'PERSON', summary: 'Cinematographer.' });
        await refused(
          UNMERGE,
          { survivorKey: 'galina-hutchins', mergedKey: 'halyna-hutchins' },
          'CONFLICT',
          'mergedKey',
        );
        await refused(MERGE, { survivorKey: 'galina-hutchins', mergedKey: 'rust' }, 'BAD_USER_INPUT', 'mergedKey');
        await refused(MERGE, { survivorKey: 'galina-hutchins', mergedKey: 'nobody' }, 'NOT_FOUND', 'mergedKey');
      });
    });

    it('keeps an audit trail, newest first, with the editor’s name and gapless sequence numbers', async () => {
      const trail = await on.api.data<{
        changes: { totalCount: number; edges: { node: { seq: number; actor: string; action: string } }[] };
      }>(`{ changes(first: 100) { totalCount edges { node { seq actor action } } } }`);
      const seqs = trail.changes.edges.map((e) => e.node.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
      expect(seqs).toEqual(Array.from({ length: trail.changes.totalCount }, (_, i) => trail.changes.totalCount - i));
      expect(new Set(trail.changes.edges.map((e) => e.node.actor))).toEqual(new Set(['alice']));
      expect(trail.changes.edges.at(-1)?.node.action).toBe('ADD_SOURCE');
    });
  });
}
