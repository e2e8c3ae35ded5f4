/**
 * The gold is written as marked-up text (article.marked.txt) plus a spec (spec.json), and built from
 * them, so no offset is ever counted by hand: `[[id|words]]` marks a mention of entity `id`,
 * `{{2024-07|July 2024}}` a date. The spec gives each id its kind, name and sameAs, and the claims.
 */
import { fitsEndpoints, type EntityKind, type RelationshipType } from '../../src/domain/kinds.js';
import type { Modality } from '../../src/domain/claims.js';
import type { Gold, GoldDate, GoldEntity } from './gold.js';

export interface GoldSpec {
  /** id → [kind, name, sameAs]. */
  entities: Record<string, [EntityKind, string, string | null]>;
  /** [type, from id, to id, role, modality]. */
  claims: [RelationshipType, string, string, string | null, Modality][];
}

const MARK = /\[\[([a-z0-9-]+)\|([^\]]+)\]\]|\{\{([0-9-]+)\|([^}]+)\}\}/g;

/** The plain text and its gold; throws on any mark, id or claim that does not add up. */
export function buildGold(marked: string, spec: GoldSpec): { text: string; gold: Gold } {
  const entities = new Map<string, GoldEntity>(
    Object.entries(spec.entities).map(([id, [kind, name, sameAs]]) => [id, { id, kind, name, sameAs, mentions: [] }]),
  );
  const dates: GoldDate[] = [];
  let text = '';
  let last = 0;
  for (const match of marked.matchAll(MARK)) {
    text += marked.slice(last, match.index);
    last = match.index + match[0].length;
    const words = (match[2] ?? match[4]) as string;
    const span = { start: text.length, end: text.length + words.length, quote: words };
    text += words;
    if (match[1]) {
      const entity = entities.get(match[1]);
      if (!entity) throw new Error(`mark of unknown entity ${match[1]}`);
      entity.mentions.push(span);
    } else {
      dates.push({ ...span, date: match[3] as string });
    }
  }
  text += marked.slice(last);
  if (/\[\[|\]\]|\{\{|\}\}/.test(text)) throw new Error('a mark was not closed or not well formed');
  for (const entity of entities.values()) {
    if (entity.mentions.length === 0) throw new Error(`entity ${entity.id} is never marked`);
  }
  const claims = spec.claims.map(([type, from, to, role, modality]) => {
    const a = entities.get(from);
    const b = entities.get(to);
    if (!a || !b) throw new Error(`claim ${type} ${from} -> ${to} names an unknown entity`);
    if (!fitsEndpoints(type, a.kind, b.kind)) throw new Error(`claim ${type} does not fit ${a.kind} -> ${b.kind}`);
    return { type, from, to, role, modality };
  });
  return { text, gold: { entities: [...entities.values()], dates, claims } };
}
