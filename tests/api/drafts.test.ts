/**
 * Ingest through the API, on both stores: addSource reads a new article and keeps its draft; the
 * draft proposes this case's people under the article's own spellings, with reasons, and its new
 * people, places and dates with exact offsets; nothing reaches the graph until an editor accepts;
 * accepting gives a graph in which cross-source questions work; every decision is in the audit trail.
 */
import { describe, expect, it } from 'vitest';
import { apiOn } from '../support/api.js';
import { snapshotOf } from '../support/snapshot.js';
import { STORES } from '../support/stores.js';

const EDITOR = { authorization: 'Bearer s3cret' };
const READER = { authorization: 'Bearer reader' };
const OPTIONS = { editorTokens: ['alice:s3cret'], readTokens: ['reader'] };

/** A later report on the case that spells two of its people as other outlets do. */
const REPORT =
  'A judge in Santa Fe dismissed the involuntary manslaughter case against Alec Baldwin on July 12, 2024. ' +
  'Lawyer Luke Nikas said the ruling vindicated his client. Nikas and Alex Spiro, who represent Baldwin, ' +
  'had argued that evidence was withheld. Cinematographer Halyna Hutchins was killed in October 2021 on the set ' +
  'of the western Rust, and Hutchins’s family later settled a lawsuit with the producers.';

interface Span {
  start: number;
  end: number;
  quote: string;
}
interface EntitySuggestion {
  key: string;
  status: string;
  kind: string;
  name: string;
  mentions: Span[];
  candidates: { entity: { key: string }; score: number; match: string; reasons: string[] }[];
  sameAs: { key: string } | null;
  newKey: string;
}
interface ClaimSuggestion {
  key: string;
  status: string;
  type: string;
  from: { key: string; name: string };
  to: { key: string; name: string };
  evidence: Span & { modality: string };
}
interface Draft {
  entities: EntitySuggestion[];
  claims: ClaimSuggestion[];
  dates: (Span & { date: { text: string } })[];
  readUpTo: number;
}
interface Decided {
  suggestion: { key: string; status: string; decision: { actor: string; reason?: string; entity?: { key: string } } };
  entity: { key: string; name: string; aliases: string[]; mentions: { quote: string; source: { key: string } }[] };
  relationship: { key: string; type: string; role: string | null; sources: { key: string }[] };
  change: {
    action: string;
    actor: string;
    entityKeys: string[];
    before: { drafts: Draft[] };
    after: { drafts: Draft[] };
  };
}
type Errors = { message: string; extensions?: { code?: string; field?: string } }[] | undefined;

const DRAFT_FIELDS = `entities { key status kind name mentions { start end quote }
    candidates { entity { key } score match reasons } sameAs { key } newKey }
  claims { key status type from { key name } to { key name } evidence { start end quote modality } }
  dates { start end quote date { text } } readUpTo`;
const ADD_SOURCE = `mutation($input: AddSourceInput!) { addSource(input: $input) {
  source { key } draft { ${DRAFT_FIELDS} } change { seq action after } } }`;
const DRAFT = `query($source: String!) { draft(source: $source) { ${DRAFT_FIELDS} } }`;
const ACCEPT = `mutation($input: AcceptSuggestionInput!) { acceptSuggestion(input: $input) {
  suggestion { ... on EntitySuggestion { key status decision { actor reason entity { key } } }
               ... on ClaimSuggestion { key status decision { actor relationship { key } } } }
  entity { key name aliases mentions { quote source { key } } }
  relationship { key type role sources { key } }
  change { seq action actor entityKeys before after } } }`;
const REJECT = `mutation($input: RejectSuggestionInput!) { rejectSuggestion(input: $input) {
  suggestion { ... on EntitySuggestion { key status decision { actor reason } } } change { seq action entityKeys } } }`;

for (const under of STORES) {
  describe.runIf(under.available)(`drafts and suggestions (${under.name} store)`, () => {
    const on = apiOn(under, OPTIONS);
    const write = <T>(mutation: string, input: Record<string, unknown>, headers = EDITOR) =>
      on.api.query<T>(mutation, { input }, headers) as Promise<{ data?: T; errors?: Errors }>;
    let draft: Draft;
    const named = (name: string) => {
      const found = draft.entities.find((e) => e.name === name);
      if (!found) throw new Error(`no suggestion named ${name}: ${draft.entities.map((e) => e.name).join(', ')}`);
      return found;
    };

    async function refused(mutation: string, input: Record<string, unknown>, code: string, field?: string) {
      const before = await snapshotOf(on.store);
      const { errors } = await write(mutation, input);
      expect(errors?.[0]?.extensions?.code, JSON.stringify(errors)).toBe(code);
      if (field) expect(errors?.[0]?.extensions?.field).toBe(field);
      expect(await snapshotOf(on.store)).toEqual(before);
      return errors![0]!;
    }

    it('reads a new source into a draft and writes nothing else: the entities stay as they were', async () => {
      const before = await snapshotOf(on.store);
      const { data, errors } = await write<{
        addSource: { draft: Draft; change: { action: string; after: { drafts?: Draft[] } } };
      }>(ADD_SOURCE, { key: 'ruling-report', caseKey: 'rust-case', text: REPORT });
      expect(errors).toBeUndefined();
      draft = data!.addSource.draft;
      expect(draft.readUpTo).toBe(REPORT.length);
      const after = await snapshotOf(on.store);
      expect(after.entities).toEqual(before.entities);
      expect(after.relationships).toEqual(before.relationships);
      // the reading as made is in the audit trail, with the source
      expect(data!.addSource.change.after.drafts?.[0]?.entities.length).toBe(draft.entities.length);
      const { data: again } = await on.api.query<{ draft: Draft }>(DRAFT, { source: 'ruling-report' }, READER);
      expect(again?.draft).toEqual(draft);
    });

    it('quotes the text exactly at every span it suggests', () => {
      const spans = [
        ...draft.entities.flatMap((e) => e.mentions),
        ...draft.dates,
        ...draft.claims.map((c) => c.evidence),
      ];
      expect(spans.length).toBeGreaterThan(10);
      for (const span of spans) expect(REPORT.slice(span.start, span.end)).toBe(span.quote);
    });

    it('proposes the case’s people under other spellings as the same people, with reasons', () => {
      const halyna = named('Halyna Hutchins');
      expect(halyna.sameAs?.key).toBe('galina-hutchins');
      expect(halyna.candidates[0]?.match).toBe('FUZZY');
      expect(halyna.candidates[0]?.reasons.join(' ')).toMatch(/translit/i);
      // "Hutchins’s" later in the text is the same person: one suggestion holds both mentions
      expect(halyna.mentions.map((m) => m.quote)).toEqual(['Halyna Hutchins', 'Hutchins']);
      expect(named('Luke Nikas').sameAs?.key).toBe('lewten-nikas');
      expect(named('Alec Baldwin')).toMatchObject({ sameAs: { key: 'alec-baldwin' } });
      expect(named('Alec Baldwin').candidates[0]).toMatchObject({ match: 'EXACT', score: 1 });
    });

    it('proposes new places and dates at the precision the text gives', () => {
      expect(named('Santa Fe')).toMatchObject({ kind: 'LOCATION', sameAs: null, newKey: 'santa-fe' });
      expect(draft.dates.map((d) => [d.quote, d.date.text])).toEqual([
        ['July 12, 2024', '2024-07-12'],
        ['October 2021', '2021-10'],
      ]);
    });

    it('suggests the claim the sentence states, between the suggestions it names', () => {
      const represents = draft.claims.filter((c) => c.type === 'REPRESENTS');
      expect(represents.map((c) => [c.from.name, c.to.name]).sort()).toEqual([
        ['Alex Spiro', 'Alec Baldwin'],
        ['Luke Nikas', 'Alec Baldwin'],
      ]);
    });

    it('lets only editors decide, and refuses unknown, undecidable or half-given decisions, writing nothing', async () => {
      const halyna = named('Halyna Hutchins');
      const input = { source: 'ruling-report', suggestion: halyna.key };
      expect((await write(ACCEPT, input, READER)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      await refused(ACCEPT, { ...input, suggestion: 'e999' }, 'NOT_FOUND', 'suggestion');
      await refused(ACCEPT, { ...input, source: 'rust-article' }, 'NOT_FOUND', 'source');
      await refused(ACCEPT, { ...input, entityKey: 'galina-hutchins', asNew: true }, 'BAD_USER_INPUT', 'asNew');
      await refused(ACCEPT, { ...input, entityKey: 'rust' }, 'BAD_USER_INPUT', 'entityKey');
      await refused(ACCEPT, { ...input, role: 'x' }, 'BAD_USER_INPUT', 'role');
      const claim = draft.claims.find((c) => c.type === 'REPRESENTS')!;
      const error = await refused(ACCEPT, { source: 'ruling-report', suggestion: claim.key }, 'CONFLICT', 'suggestion');
      expect(error.message).toMatch(/accept the claim's ends first/);
    });

    it('accepts the proposals: the other spelling becomes an alias, the mentions join, a new entity is made', async () => {
      const halyna = named('Halyna Hutchins');
      const { data } = await write<{ acceptSuggestion: Decided }>(ACCEPT, {
        source: 'ruling-report',
        suggestion: halyna.key,
        reason: 'same cinematographer, Ukrainian spelling',
      });
      expect(data?.acceptSuggestion).toMatchObject({
        suggestion: {
          key: halyna.key,
          status: 'ACCEPTED',
          decision: { actor: 'alice', entity: { key: 'galina-hutchins' } },
        },
        entity: { key: 'galina-hutchins', name: 'Galina Hutchins', aliases: ['Hutchins', 'Halyna Hutchins'] },
        change: { action: 'ACCEPT_SUGGESTION', actor: 'alice', entityKeys: ['galina-hutchins'] },
      });
      const mentions = data!.acceptSuggestion.entity.mentions;
      expect(mentions.filter((m) => m.source.key === 'ruling-report').map((m) => m.quote)).toEqual([
        'Halyna Hutchins',
        'Hutchins',
      ]);
      // the change holds the suggestion as it was and as decided
      expect(data!.acceptSuggestion.change.before.drafts[0]?.entities[0]?.status).toBe('OPEN');
      expect(data!.acceptSuggestion.change.after.drafts[0]?.entities[0]?.status).toBe('ACCEPTED');
      await refused(ACCEPT, { source: 'ruling-report', suggestion: halyna.key }, 'CONFLICT', 'suggestion');

      const santaFe = named('Santa Fe');
      const made = await write<{ acceptSuggestion: Decided }>(ACCEPT, {
        source: 'ruling-report',
        suggestion: santaFe.key,
      });
      expect(made.data?.acceptSuggestion.entity).toMatchObject({ key: 'santa-fe', name: 'Santa Fe' });
      // a search for either spelling now finds the one person
      const found = await on.api.query<{ search: { entity: { key: string } }[] }>(
        '{ search(text: "Halyna") { entity { key } } }',
        {},
        READER,
      );
      expect(found.data?.search.map((h) => h.entity.key)).toEqual(['galina-hutchins']);
    });

    it('rejects a suggestion: marked with who and why, nothing written to the graph', async () => {
      const target = draft.entities.find((e) => e.kind === 'ORGANISATION' || e.name === 'Rust') ?? named('Alex Spiro');
      const before = await snapshotOf(on.store);
      const { data } = await write<{ rejectSuggestion: Decided }>(REJECT, {
        source: 'ruling-report',
        suggestion: target.key,
        reason: 'not needed',
      });
      expect(data?.rejectSuggestion).toMatchObject({
        suggestion: { key: target.key, status: 'REJECTED', decision: { actor: 'alice', reason: 'not needed' } },
        change: { action: 'REJECT_SUGGESTION', entityKeys: [] },
      });
      const after = await snapshotOf(on.store);
      expect(after.entities).toEqual(before.entities);
      expect(after.relationships).toEqual(before.relationships);
    });

    it('accepts claims between accepted ends: who represents Baldwin, according to which sources', async () => {
      for (const name of ['Luke Nikas', 'Alex Spiro', 'Alec Baldwin']) {
        const suggestion = named(name);
        if (suggestion.status !== 'OPEN') continue;
        const { errors } = await write(ACCEPT, { source: 'ruling-report', suggestion: suggestion.key });
        expect(errors).toBeUndefined();
      }
      for (const claim of draft.claims.filter((c) => c.type === 'REPRESENTS')) {
        const { data, errors } = await write<{ acceptSuggestion: Decided }>(ACCEPT, {
          source: 'ruling-report',
          suggestion: claim.key,
        });
        expect(errors).toBeUndefined();
        // the claim existed from the first article: it gathers this source's evidence, keeping its role
        expect(data?.acceptSuggestion.relationship).toMatchObject({
          type: 'REPRESENTS',
          role: 'legal counsel',
          sources: [{ key: 'ruling-report' }, { key: 'rust-article' }],
        });
      }
      type Claim = { from: { name: string }; sources: { key: string }[] };
      const { data } = await on.api.query<{ entity: { relationships: { edges: { node: Claim }[] } } }>(
        `{ entity(kind: PERSON, key: "alec-baldwin") {
            relationships(types: [REPRESENTS], direction: IN) { edges { node { from { name } sources { key } } } } } }`,
        {},
        READER,
      );
      expect(data?.entity.relationships.edges.map((e) => [e.node.from.name, e.node.sources.map((s) => s.key)])).toEqual(
        [
          ['Alex Spiro', ['ruling-report', 'rust-article']],
          ['Lewten Nikas', ['ruling-report', 'rust-article']],
        ],
      );
      const { data: trail } = await on.api.query<{ changes: { edges: { node: { action: string } }[] } }>(
        '{ changes(first: 50) { edges { node { action } } } }',
        {},
        READER,
      );
      const actions = trail!.changes.edges.map((e) => e.node.action);
      expect(actions.at(-1)).toBe('ADD_SOURCE');
      expect(actions.filter((a) => a === 'REJECT_SUGGESTION')).toHaveLength(1);
      expect(actions.filter((a) => a === 'ACCEPT_SUGGESTION').length).toBeGreaterThanOrEqual(6);
    });
  });
}
