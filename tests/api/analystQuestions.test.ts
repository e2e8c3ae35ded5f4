/** An analyst's questions about the Rust case, asked through GraphQL, answered the same on both stores. */
import { describe, expect, it } from 'vitest';
import { apiOn, type Edges } from '../support/api.js';
import { STORES } from '../support/stores.js';

interface Named {
  name: string;
}
interface Quote {
  quote: string;
}
/** Someone in an event, with the role they had and the words that say so. */
interface Participant {
  participant: Named;
  role: string;
  evidence: Quote[];
}
/** A piece of evidence with how it asserts its claim and who asserts it (null: the source itself). */
interface Attributed {
  quote: string;
  modality: string | null;
  assertedBy: string | null;
}
/** Someone in an event, with the words that say so and who says them. */
interface AttributedParticipant {
  participant: Named;
  role: string;
  evidence: Attributed[];
}
/** A claim as the attribution questions read it. */
interface Claim {
  key: string;
  modalities: string[];
  evidence: Attributed[];
}
/** An event and what came of it, as deep as the query asks. */
interface Consequence {
  name: string;
  eventType?: string;
  consequences?: Consequence[];
}

for (const under of STORES) {
  describe.runIf(under.available)(`an analyst asks (${under.name} store)`, () => {
    const on = apiOn(under);

    it('who represents Alec Baldwin?', async () => {
      const { entity } = await on.api.data<{
        entity: { representedBy: { name: string; occupations: string[] }[] };
      }>(`{ entity(kind: PERSON, key: "alec-baldwin") {
        ... on Person { representedBy { name occupations } } } }`);
      expect(entity.representedBy).toEqual([
        { name: 'Alex Spiro', occupations: ['lawyer'] },
        { name: 'Lewten Nikas', occupations: ['lawyer'] },
      ]);
    });

    it('who was hurt in the November 2021 incident, how, and on which production?', async () => {
      const { events } = await on.api.data<{
        events: { totalCount: number } & Edges<{
          name: string;
          date: { text: string } | null;
          production: Named | null;
          location: Named | null;
          participants: Participant[];
        }>;
      }>(`{ events(where: { from: "2021-11", to: "2021-11" }) {
        totalCount
        edges { node { name date { text } production { name } location { name }
          participants { participant { name } role evidence { quote } } } } } }`);
      expect(events.totalCount).toBe(1);
      const incident = events.edges[0]!.node;
      expect(incident).toMatchObject({
        name: 'November 2021 incident on the Rust set',
        date: { text: '2021-11' },
        production: { name: 'Rust' },
        location: { name: 'Rust set' },
      });
      const hurt = incident.participants.filter((p) => ['death', 'injured'].includes(p.role));
      expect(hurt).toEqual([
        {
          participant: { name: 'Galina Hutchins' },
          role: 'death',
          evidence: [{ quote: 'resulted in Hutchins’s death' }],
        },
        { participant: { name: 'Joel Souza' }, role: 'injured', evidence: [{ quote: 'left Souza injured' }] },
      ]);
    });

    it('who directs Rust, and where is it to film next?', async () => {
      const { entity } = await on.api.data<{
        entity: {
          productionType: string;
          credits: { person: Named; role: string; evidence: Quote[] }[];
          filmingLocations: Named[];
          relationships: Edges<{ role: string | null; to: Named; evidence: Quote[] }>;
        };
      }>(`{ entity(kind: PRODUCTION, key: "rust") {
        ... on Production {
          productionType
          credits { person { name } role evidence { quote } }
          filmingLocations { name }
        }
        relationships(types: [FILMED_AT], direction: OUT) { edges { node { role to { name } evidence { quote } } } }
      } }`);
      expect(entity.productionType).toBe('movie');
      expect(entity.credits.filter((c) => c.role === 'director')).toEqual([
        {
          person: { name: 'Joel Souza' },
          role: 'director',
          evidence: [{ quote: 'director Joel Souza' }],
        },
      ]);
      const planned = entity.relationships.edges.map((e) => e.node).filter((r) => r.role === 'planned');
      expect(planned).toEqual([
        {
          role: 'planned',
          to: { name: 'Montana' },
          evidence: [{ quote: 'the majority of the shoot was planned to continue at a location in Montana' }],
        },
      ]);
      expect(entity.filmingLocations.map((l) => l.name)).toEqual(['Montana', 'Rust set']);
    });

    it('what did the New Mexico State Attorney’s Office decide, and who reported it?', async () => {
      const { search } = await on.api.data<{
        search: {
          entity: Named & {
            jurisdiction: Named | null;
            participations: { role: string; event: { name: string; eventType: string; participants: Participant[] } }[];
          };
        }[];
      }>(`{ search(text: "state attorney's office", kinds: [ORGANISATION], first: 1) {
        entity { name ... on Organisation { jurisdiction { name }
          participations { role event { name eventType participants { participant { name } role evidence { quote } } } } } } } }`);
      const office = search[0]!.entity;
      expect(office.name).toBe('New Mexico State Attorney’s Office');
      expect(office.jurisdiction).toEqual({ name: 'New Mexico' });
      expect(office.participations).toHaveLength(1);
      const decision = office.participations[0]!;
      expect(decision.role).toBe('decided');
      expect(decision.event).toMatchObject({ name: 'Alec Baldwin cleared of charges', eventType: 'legal decision' });
      const reporters = decision.event.participants.filter((p) => p.role === 'reported');
      expect(reporters).toEqual([
        {
          participant: { name: 'ABC News' },
          role: 'reported',
          evidence: [{ quote: 'ABC News cited informed sources in reporting the acquittal' }],
        },
      ]);
    });

    it('what came of Hutchins’s death?', async () => {
      const { entity } = await on.api.data<{
        entity: { causes: Named[]; consequences: Consequence[] };
      }>(`{ entity(kind: EVENT, key: "death-of-galina-hutchins") {
        ... on Event { causes { name } consequences { name eventType consequences { name consequences { name } } } } } }`);
      expect(entity.causes).toEqual([{ name: 'November 2021 incident on the Rust set' }]);
      expect(entity.consequences).toEqual([
        { name: 'Rust production halt', eventType: 'production halt', consequences: [] },
        {
          name: 'Legal scrutiny of Alec Baldwin',
          eventType: 'legal proceedings',
          consequences: [
            {
              name: 'Alec Baldwin cleared of charges',
              consequences: [{ name: 'Statement by Lewten Nikas and Alex Spiro' }],
            },
          ],
        },
      ]);
    });

    it('what is on the timeline, and what involves Joel Souza?', async () => {
      const { timeline, souza } = await on.api.data<{
        timeline: (Named & { date: { text: string } | null })[];
        souza: { id: string };
      }>(`{
        timeline { name date { text } }
        souza: entity(kind: PERSON, key: "joel-souza") { id }
      }`);
      expect(timeline[0]).toEqual({ name: 'November 2021 incident on the Rust set', date: { text: '2021-11' } });
      expect(timeline.slice(1).every((e) => e.date === null)).toBe(true);
      const { timeline: involving } = await on.api.data<{ timeline: Named[] }>(
        `query($id: ID!) { timeline(where: { involving: $id }) { name } }`,
        { id: souza.id },
      );
      expect(involving.map((e) => e.name)).toEqual([
        'November 2021 incident on the Rust set',
        'Rust filming resumption',
      ]);
    });

    it('according to whom was Baldwin cleared, and who decided it?', async () => {
      const { event } = await on.api.data<{
        event: { participants: AttributedParticipant[] };
      }>(`{ event: entity(kind: EVENT, key: "baldwin-cleared-of-charges") {
        ... on Event { participants { participant { name } role evidence { quote modality assertedBy } } } } }`);
      const byRole = Object.fromEntries(event.participants.map((p) => [p.role, p]));
      const abc = 'ABC News, citing informed sources';
      // the article does not say it as fact: it passes on what ABC News reported, citing informed sources
      expect(byRole.cleared?.participant).toEqual({ name: 'Alec Baldwin' });
      expect(byRole.cleared?.evidence).toEqual([
        { quote: 'Alec Baldwin has been cleared of charges', modality: 'REPORTED', assertedBy: abc },
        { quote: 'ABC News cited informed sources in reporting the acquittal', modality: 'REPORTED', assertedBy: abc },
      ]);
      expect(byRole.decided?.participant).toEqual({ name: 'New Mexico State Attorney’s Office' });
      expect(byRole.decided?.evidence.map((e) => [e.modality, e.assertedBy])).toEqual([['REPORTED', abc]]);
      // that ABC News reported it, the article itself states
      expect(byRole.reported?.evidence).toEqual([
        { quote: 'ABC News cited informed sources in reporting the acquittal', modality: 'STATED', assertedBy: null },
      ]);
    });

    it('where was Rust filmed, as a fact, and where is filming only planned?', async () => {
      const { rust } = await on.api.data<{
        rust: { stated: Named[]; planned: Named[]; all: Named[]; expected: Named[] };
      }>(`{ rust: entity(kind: PRODUCTION, key: "rust") { ... on Production {
        stated: filmingLocations(modality: [STATED]) { name }
        planned: filmingLocations(modality: [PLANNED]) { name }
        expected: filmingLocations(modality: [EXPECTED]) { name }
        all: filmingLocations { name } } } }`);
      expect(rust.stated).toEqual([{ name: 'Rust set' }]);
      expect(rust.planned).toEqual([{ name: 'Montana' }]);
      expect(rust.expected).toEqual([]);
      expect(rust.all).toEqual([{ name: 'Montana' }, { name: 'Rust set' }]);
    });

    it('which claims about Alec Baldwin does the article state as fact?', async () => {
      const { baldwin } = await on.api.data<{
        baldwin: {
          stated: { totalCount: number } & Edges<
            Claim & { type: string; role: string | null; from: { key: string }; to: { key: string } }
          >;
        };
      }>(`{ baldwin: entity(kind: PERSON, key: "alec-baldwin") {
        stated: relationships(modality: [STATED]) { totalCount
          edges { node { key type role from { key } to { key } modalities evidence { quote modality assertedBy } } } } } }`);
      const claims = baldwin.stated.edges.map((e) => e.node);
      expect(claims.map((c) => [c.from.key, c.type, c.role, c.to.key])).toEqual([
        ['alec-baldwin', 'PARTICIPATED_IN', 'faced', 'legal-scrutiny-of-baldwin'],
        ['alec-baldwin', 'PARTICIPATED_IN', 'inadvertently discharged', 'rust-set-incident'],
        ['alex-spiro', 'REPRESENTS', 'legal counsel', 'alec-baldwin'],
        ['lewten-nikas', 'REPRESENTS', 'legal counsel', 'alec-baldwin'],
      ]);
      expect(baldwin.stated.totalCount).toBe(4);
      // in the article's own voice: no one else asserts them
      for (const claim of claims) {
        expect(claim.modalities).toEqual(['STATED']);
        expect(claim.evidence.every((e) => e.modality === 'STATED' && e.assertedBy === null)).toBe(true);
      }
    });

    it('which links are an analyst’s inference, and whose?', async () => {
      const outOf = (list: string) =>
        `${list}(first: 30) { totalCount edges { node { relationships(direction: OUT, modality: [INFERRED], first: 20) {
          edges { node { key modalities evidence { quote modality assertedBy } } } } } } }`;
      type Inferred = { totalCount: number } & Edges<{ relationships: Edges<Claim> }>;
      const answer = await on.api.data<Record<string, Inferred>>(
        `{ ${['people', 'organisations', 'productions', 'locations', 'events'].map(outOf).join('\n')} }`,
      );
      // every entity was asked (a page of 30 holds each list whole)
      expect(Object.values(answer).every((list) => list.edges.length === list.totalCount)).toBe(true);
      const inferred = Object.values(answer).flatMap((list) =>
        list.edges.flatMap((e) => e.node.relationships.edges.map((r) => r.node)),
      );
      expect(inferred.map((c) => c.key).sort()).toEqual([
        'alec-baldwin--worked-on--rust',
        'baldwin-cleared-of-charges--led-to--statement-by-baldwins-lawyers',
        'death-of-galina-hutchins--led-to--legal-scrutiny-of-baldwin',
        'death-of-galina-hutchins--led-to--rust-production-halt',
        'legal-scrutiny-of-baldwin--led-to--baldwin-cleared-of-charges',
        'new-mexico-state-attorneys-office--has-jurisdiction--new-mexico',
      ]);
      // an inference is never passed off as a source's statement, and always names its analyst
      for (const claim of inferred) {
        expect(claim.modalities, claim.key).toEqual(['INFERRED']);
        expect(new Set(claim.evidence.map((e) => `${e.modality} by ${e.assertedBy}`))).toEqual(
          new Set(['INFERRED by case editor']),
        );
      }
    });

    it('which sources support the claim that Baldwin was cleared?', async () => {
      const { baldwin } = await on.api.data<{
        baldwin: {
          relationships: Edges<{
            key: string;
            role: string | null;
            evidence: { source: { key: string } }[];
            sources: { key: string; title: string | null; caseKey: string }[];
          }>;
        };
      }>(`{ baldwin: entity(kind: PERSON, key: "alec-baldwin") {
        relationships(types: [PARTICIPATED_IN], direction: OUT) {
          edges { node { key role evidence { source { key } } sources { key title caseKey } } } } } }`);
      const cleared = baldwin.relationships.edges.map((e) => e.node).find((r) => r.role === 'cleared');
      expect(cleared?.key).toBe('alec-baldwin--participated-in--baldwin-cleared-of-charges');
      // two quotes from one article: one source, named once
      expect(cleared?.evidence).toHaveLength(2);
      expect(cleared?.sources).toEqual([{ key: 'rust-article', title: null, caseKey: 'rust-case' }]);
    });

    it('what does each source claim about Alec Baldwin?', async () => {
      const { baldwin } = await on.api.data<{
        baldwin: {
          claimsBySource: { source: { key: string }; relationships: { key: string; modalities: string[] }[] }[];
        };
      }>(`{ baldwin: entity(kind: PERSON, key: "alec-baldwin") {
        claimsBySource { source { key } relationships { key modalities } } } }`);
      expect(baldwin.claimsBySource).toEqual([
        {
          source: { key: 'rust-article' },
          relationships: [
            { key: 'alec-baldwin--participated-in--baldwin-cleared-of-charges', modalities: ['REPORTED'] },
            { key: 'alec-baldwin--participated-in--legal-scrutiny-of-baldwin', modalities: ['STATED'] },
            { key: 'alec-baldwin--participated-in--rust-filming-resumption', modalities: ['EXPECTED'] },
            { key: 'alec-baldwin--participated-in--rust-set-incident', modalities: ['STATED'] },
            { key: 'alec-baldwin--worked-on--rust', modalities: ['INFERRED'] },
            { key: 'alex-spiro--represents--alec-baldwin', modalities: ['STATED'] },
            { key: 'lewten-nikas--represents--alec-baldwin', modalities: ['STATED'] },
          ],
        },
      ]);
    });

    it('who was expected to return to the set, and according to whom?', async () => {
      const { resumption } = await on.api.data<{
        resumption: { expected: AttributedParticipant[]; stated: Participant[] };
      }>(`{ resumption: entity(kind: EVENT, key: "rust-filming-resumption") { ... on Event {
        expected: participants(modality: [EXPECTED]) { participant { name } role evidence { quote modality assertedBy } }
        stated: participants(modality: [STATED]) { participant { name } role evidence { quote } } } } }`);
      const quote = 'with Baldwin and director Joel Souza expected to return to the set';
      expect(resumption.expected).toEqual(
        ['Alec Baldwin', 'Joel Souza'].map((name) => ({
          participant: { name },
          role: 'expected to return',
          evidence: [{ quote, modality: 'EXPECTED', assertedBy: 'Reports' }],
        })),
      );
      // nobody is said to have returned yet
      expect(resumption.stated).toEqual([]);
    });
  });
}
