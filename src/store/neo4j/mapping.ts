/** Neo4j values to domain objects, converted here once (Integers, absent properties, evidence lists). */
import neo4j from 'neo4j-driver';
import type { EntityKind, RelationshipType } from '../../domain/kinds.js';
import type { Entity, Evidence, Relationship, Source } from '../../domain/model.js';
import { compareEvidence } from '../../domain/ordering.js';

type Properties = Record<string, unknown>;

export function toNumber(value: unknown): number {
  if (neo4j.isInt(value)) return value.toNumber();
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return value;
  throw new TypeError(`expected an integer, got ${String(value)}`);
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);
const numbers = (value: unknown): number[] => (Array.isArray(value) ? value.map(toNumber) : []);

function evidenceList(sources: string[], starts: number[], ends: number[]): Evidence[] {
  return sources.map((sourceKey, i) => ({ sourceKey, start: starts[i] ?? 0, end: ends[i] ?? 0 }));
}

/** An entity node: its mentions are on the node as parallel lists, like a relationship's evidence. */
export function toEntity(properties: Properties): Entity {
  const { mentionSources, mentionStarts, mentionEnds } = properties;
  const mentions = evidenceList(strings(mentionSources), numbers(mentionStarts), numbers(mentionEnds));
  return {
    key: str(properties.key) ?? '',
    kind: properties.kind as EntityKind,
    name: str(properties.name) ?? '',
    aliases: strings(properties.aliases),
    summary: str(properties.summary),
    mentions: mentions.sort(compareEvidence),
    occupations: strings(properties.occupations),
    organisationType: str(properties.organisationType),
    productionType: str(properties.productionType),
    locationType: str(properties.locationType),
    eventType: str(properties.eventType),
    date: str(properties.date),
  };
}

export function toRelationship(row: Properties): Relationship {
  return {
    key: str(row.key) ?? '',
    type: row.type as RelationshipType,
    from: str(row.from) ?? '',
    to: str(row.to) ?? '',
    role: str(row.role),
    evidence: evidenceList(strings(row.evidenceSources), numbers(row.evidenceStarts), numbers(row.evidenceEnds)),
  };
}

export function toSource(properties: Properties): Source {
  return {
    key: str(properties.key) ?? '',
    title: str(properties.title) ?? '',
    publisher: str(properties.publisher),
    published: str(properties.published),
    text: str(properties.text) ?? '',
  };
}
