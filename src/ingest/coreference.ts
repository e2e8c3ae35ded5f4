/**
 * Coreference within one text: the mentions that name one thing, grouped. Exact repeats go
 * together; a short form ("Hutchins", "Crestline", "HSE") joins the one longer name it can be a
 * part of, before or after it in the text. A short form that fits two names ("Hutchins" beside
 * Halyna and Matthew Hutchins) joins neither: a reading that guesses wrong merges two people,
 * one that does not guess leaves an editor one more suggestion.
 */
import { GENERIC_HEADS } from './extract/lexicon.js';
import type { ExtractedMention, TextEntity } from './types.js';

type EntityKind = TextEntity['kind'];

/** Names that differ only in apostrophes, spacing or composition are one name. */
function normalise(quote: string): string {
  return quote.normalize('NFC').replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();
}

const words = (name: string) => name.split(' ');

/** Past this many longer names sharing a word, a short form is too ambiguous to place. */
const MAX_CANDIDATES = 50;

function isPersonShortForm(short: string[], long: string[]): boolean {
  if (short.length >= long.length) return false;
  // "Hutchins" of "Halyna Hutchins", "Lujan Grisham" of "Michelle Lujan Grisham"
  if (short.every((word, i) => word === long[long.length - short.length + i])) return true;
  // "Mary Sommer" of "Mary Marlowe Sommer"
  return short.length >= 2 && short[0] === long[0] && short.at(-1) === long.at(-1);
}

function acronym(name: string[]): string {
  return name
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('');
}

function isOrganisationShortForm(short: string[], long: string[]): boolean {
  // "HSE" of "Health and Safety Executive"
  if (short.length === 1 && long.length >= 2 && (short[0] as string).length >= 2 && acronym(long) === short[0])
    return true;
  if (short.length >= long.length) return false;
  const head = short.every((word, i) => word === long[i]) && !GENERIC_HEADS.has(short[0] as string);
  // "Sheriff's Office" of "Santa Fe County Sheriff's Office": a tail of two words or more
  const tail = short.length >= 2 && short.every((word, i) => word === long[long.length - short.length + i]);
  return head || tail;
}

/** The words a longer name is looked up by, so each short form compares with few names. */
function lookupKeys(kind: EntityKind, name: string[]): string[] {
  if (kind === 'PERSON') return [`last:${name.at(-1)}`];
  if (kind === 'ORGANISATION')
    return [`head:${name[0]}`, `tail:${name.slice(-2).join(' ')}`, `acronym:${acronym(name)}`];
  return [];
}

function shortFormKeys(kind: EntityKind, name: string[]): string[] {
  if (kind === 'PERSON') return [`last:${name.at(-1)}`];
  if (kind === 'ORGANISATION') return [`head:${name[0]}`, `tail:${name.slice(-2).join(' ')}`, `acronym:${name[0]}`];
  return [];
}

function isShortForm(kind: EntityKind, short: string[], long: string[]): boolean {
  if (kind === 'PERSON') return isPersonShortForm(short, long);
  if (kind === 'ORGANISATION') return isOrganisationShortForm(short, long);
  return false;
}

export function groupMentions(mentions: readonly ExtractedMention[]): TextEntity[] {
  // exact repeats first: one group per kind and normalised name
  const byName = new Map<string, { kind: EntityKind; name: string; mentions: ExtractedMention[] }>();
  for (const mention of mentions) {
    if (mention.kind === 'DATE') continue;
    const name = normalise(mention.quote);
    const key = `${mention.kind}|${name}`;
    const group = byName.get(key) ?? { kind: mention.kind, name, mentions: [] };
    group.mentions.push(mention);
    byName.set(key, group);
  }
  // then short forms onto the one longest name they fit, longest names placed first
  const names = [...byName.entries()].sort(([, a], [, b]) => words(b.name).length - words(a.name).length);
  const index = new Map<string, string[]>();
  const root = new Map<string, string>();
  for (const [key, group] of names) {
    const own = words(group.name);
    const roots = new Set<string>();
    let tooMany = false;
    for (const lookup of shortFormKeys(group.kind, own)) {
      const candidates = index.get(`${group.kind}|${lookup}`) ?? [];
      if (candidates.length > MAX_CANDIDATES) tooMany = true;
      for (const longer of tooMany ? [] : candidates) {
        const other = byName.get(longer);
        if (other && longer !== key && isShortForm(group.kind, own, words(other.name)))
          roots.add(root.get(longer) ?? longer);
      }
    }
    const [only] = roots;
    root.set(key, !tooMany && roots.size === 1 && only ? only : key);
    for (const lookup of lookupKeys(group.kind, own)) {
      const list = index.get(`${group.kind}|${lookup}`) ?? [];
      list.push(key);
      index.set(`${group.kind}|${lookup}`, list);
    }
  }
  const entities = new Map<string, TextEntity>();
  for (const [key, group] of byName) {
    const rootKey = root.get(key) ?? key;
    const entity = entities.get(rootKey) ?? {
      kind: group.kind,
      name: byName.get(rootKey)?.name ?? group.name,
      mentions: [],
      occupations: [],
      confidence: 0,
    };
    entity.mentions.push(...group.mentions);
    entities.set(rootKey, entity);
  }
  const result = [...entities.values()];
  for (const entity of result) {
    entity.mentions.sort((a, b) => a.start - b.start);
    entity.confidence = Math.max(...entity.mentions.map((m) => m.confidence));
    for (const { role } of entity.mentions) {
      const occupation = role?.toLowerCase();
      if (occupation && !entity.occupations.includes(occupation)) entity.occupations.push(occupation);
    }
    const fullest = entity.mentions.reduce(
      (best, m) => (normalise(m.quote).length > best.length ? normalise(m.quote) : best),
      '',
    );
    // the fullest form as the text writes it, curly apostrophes and all
    entity.name = entity.mentions.find((m) => normalise(m.quote) === fullest)?.quote ?? entity.name;
  }
  return result.sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
}
