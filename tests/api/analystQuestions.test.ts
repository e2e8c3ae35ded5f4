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
  });
}
