/**
 * A synthetic case of N entities for scale runs: the kinds in a realistic mix, relationships of
 * fitting types with a heavy-tailed spread of degrees (preferential attachment: a few hubs, many
 * entities with one or two links), and every fact evidenced by a sentence of a generated source.
 * Deterministic for a given N and seed.
 */
import type { EntityKind, RelationshipType } from '../../src/domain/kinds.js';
import type { CaseGraph, Entity, Evidence, Relationship, Source } from '../../src/domain/model.js';

const KIND_MIX: [EntityKind, number][] = [
  ['PERSON', 0.45],
  ['ORGANISATION', 0.15],
  ['PRODUCTION', 0.1],
  ['LOCATION', 0.1],
  ['EVENT', 0.2],
];
const OUTGOING: Record<EntityKind, [RelationshipType, EntityKind][]> = {
  PERSON: [
    ['WORKED_ON', 'PRODUCTION'],
    ['PARTICIPATED_IN', 'EVENT'],
    ['REPRESENTS', 'PERSON'],
  ],
  ORGANISATION: [
    ['PARTICIPATED_IN', 'EVENT'],
    ['HAS_JURISDICTION', 'LOCATION'],
    ['LOCATED_IN', 'LOCATION'],
  ],
  PRODUCTION: [['FILMED_AT', 'LOCATION']],
  LOCATION: [['LOCATED_IN', 'LOCATION']],
  EVENT: [
    ['OCCURRED_AT', 'LOCATION'],
    ['CONCERNS', 'PRODUCTION'],
    ['CONCERNS', 'PERSON'],
    ['LED_TO', 'EVENT'],
  ],
};
const ROLES = ['witness', 'victim', 'decided', 'reported', 'injured', 'director', 'legal counsel'];
/** Entities per generated source, so that no source text grows huge. */
const PER_SOURCE = 500;

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticCase(size: number, seed = 7): CaseGraph {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

  const kinds: EntityKind[] = [];
  for (const [kind, share] of KIND_MIX) for (let i = 0; i < Math.round(size * share); i++) kinds.push(kind);
  while (kinds.length < size) kinds.push('PERSON');
  kinds.length = size;

  const listIn = <K, V>(map: Map<K, V[]>, k: K): V[] => map.get(k) ?? map.set(k, []).get(k)!;
  const byKind = new Map<EntityKind, number[]>();
  for (const [i, kind] of kinds.entries()) listIn(byKind, kind).push(i);
  /** Endpoints so far, one entry per link: picking from it favours the well connected. */
  const ends = new Map<EntityKind, number[]>();

  const name = (i: number) => `${kinds[i]!.charAt(0)}${kinds[i]!.slice(1).toLowerCase()} ${i}`;
  const key = (i: number) => `${kinds[i]!.toLowerCase()}-${i}`;
  const date = (i: number) => {
    const year = 2000 + (i % 25);
    const month = 1 + (i % 12);
    return i % 3 === 0
      ? `${year}`
      : i % 3 === 1
        ? `${year}-${String(month).padStart(2, '0')}`
        : `${year}-${String(month).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  };

  // each entity's outgoing links: mostly 1 or 2, sometimes many
  const links: { from: number; type: RelationshipType; to: number }[] = [];
  const seen = new Set<string>();
  for (let from = 0; from < size; from++) {
    const count = Math.min(40, Math.floor(1 / (1 - next() * 0.97)));
    for (let j = 0; j < count; j++) {
      const [type, toKind] = pick(OUTGOING[kinds[from]!]);
      const candidates = byKind.get(toKind) ?? [];
      if (candidates.length === 0) continue;
      const popular = listIn(ends, toKind);
      const to = popular.length > 0 && next() < 0.6 ? pick(popular) : pick(candidates);
      const id = `${from} ${type} ${to}`;
      if (to === from || seen.has(id)) continue;
      seen.add(id);
      links.push({ from, type, to });
      popular.push(to);
    }
  }

  // the sources: an introduction sentence per entity, then a sentence per link of its own
  const sources: Source[] = [];
  const mentions = new Map<number, Evidence[]>();
  const evidence = new Map<number, Evidence>();
  const linksFrom = new Map<number, number[]>();
  for (const [i, link] of links.entries()) listIn(linksFrom, link.from).push(i);
  for (let first = 0; first < size; first += PER_SOURCE) {
    const sourceKey = `synthetic-${first / PER_SOURCE}`;
    let text = '';
    const span = (words: string): Evidence => {
      const start = text.length;
      text += words;
      return { sourceKey, start, end: text.length };
    };
    for (let i = first; i < Math.min(size, first + PER_SOURCE); i++) {
      mentions.set(i, [span(name(i))]);
      text += ' is on record. ';
      for (const l of linksFrom.get(i) ?? []) {
        const link = links[l]!;
        evidence.set(l, span(`${name(link.from)} ${link.type.toLowerCase().replaceAll('_', ' ')} ${name(link.to)}`));
        text += '. ';
      }
    }
    sources.push({
      key: sourceKey,
      caseKey: 'synthetic',
      title: `Synthetic source ${first / PER_SOURCE}`,
      publisher: null,
      published: null,
      url: null,
      text,
    });
  }

  const entities: Entity[] = kinds.map((kind, i) => ({
    key: key(i),
    kind,
    name: name(i),
    aliases: i % 5 === 0 ? [`Alias ${i}`] : [],
    summary: null,
    mentions: mentions.get(i) ?? [],
    occupations: kind === 'PERSON' && i % 4 === 0 ? ['lawyer'] : [],
    organisationType: kind === 'ORGANISATION' ? 'office' : null,
    productionType: kind === 'PRODUCTION' ? 'film' : null,
    locationType: kind === 'LOCATION' ? 'place' : null,
    eventType: kind === 'EVENT' ? pick(['shooting', 'statement', 'legal decision']) : null,
    date: kind === 'EVENT' && i % 4 !== 0 ? date(i) : null,
    formerKeys: [],
  }));
  const relationships: Relationship[] = links.map((link, i) => ({
    key: `${key(link.from)}--${link.type.toLowerCase().replaceAll('_', '-')}--${key(link.to)}`,
    type: link.type,
    from: key(link.from),
    to: key(link.to),
    role: link.type === 'PARTICIPATED_IN' ? pick(ROLES) : null,
    evidence: [{ ...evidence.get(i)!, modality: 'STATED', assertedBy: null }],
  }));
  return { sources, entities, relationships };
}
