/** Neo4j values to domain objects, converted here once (Integers, absent properties, evidence lists). */
import neo4j from 'neo4j-driver';
import type { Change, ChangeAction, ChangeState } from '../../domain/changes.js';
import type { EntityKind, RelationshipType } from '../../domain/kinds.js';
import { isModality } from '../../domain/claims.js';
import type { ClaimEvidence, Entity, Evidence, Relationship, Source } from '../../domain/model.js';
import { compareEvidence } from '../../domain/ordering.js';
import type { Draft } from '../../domain/suggestions.js';
import { type EntityProperties, TREE_ENTITY_PROPERTIES, type TreeEntityProperty } from '../entityTrees.js';
import type { Row } from './rows.js';

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

/**
 * A relationship's evidence: parallel lists on the relationship. Neo4j lists hold no nulls, so an
 * assertion by the source itself is stored as "" in evidenceAssertedBy (see seed.ts).
 */
function claimEvidenceList(row: Properties): ClaimEvidence[] {
  // most reads select no evidence: no lists to make (two per relationship of a tree read)
  if (!Array.isArray(row.evidenceSources) || row.evidenceSources.length === 0) return [];
  const spans = evidenceList(strings(row.evidenceSources), numbers(row.evidenceStarts), numbers(row.evidenceEnds));
  const modalities = strings(row.evidenceModalities);
  const assertedBy = strings(row.evidenceAssertedBy);
  return spans.map((span, i) => {
    const modality = modalities[i];
    return { ...span, modality: isModality(modality) ? modality : 'STATED', assertedBy: assertedBy[i] || null };
  });
}

/**
 * The properties each mapping below reads, and so all that a read query returns: the queries under
 * cypher/ list these by name (never `{.*}`), leaving out what seeding derives for search and
 * ordering (searchName, searchAliases, searchText, timelineKey, dateEarliest, dateLatest).
 * Neo4jStore checks, when it loads, that every read query projects each of them, in this order.
 */
export const ENTITY_PROPERTIES = TREE_ENTITY_PROPERTIES;
/** A relationship's own properties; its type and ends come from the graph (type(r), the end nodes' keys). */
export const RELATIONSHIP_PROPERTIES = [
  'key',
  'role',
  'evidenceSources',
  'evidenceStarts',
  'evidenceEnds',
  'evidenceModalities',
  'evidenceAssertedBy',
] as const;
/** A relationship as the read queries list it: its properties, then type(r) and its two ends' keys. */
const RELATIONSHIP_LIST = [...RELATIONSHIP_PROPERTIES, 'type', 'from', 'to'] as const;

/**
 * Entities and relationships come back from Neo4j as lists of values in a fixed order
 * (`[n.key, n.kind, ...]`), not as maps (`n {.key, .kind, ...}`). The driver decodes every key of a
 * map as a string and sets each property with Object.defineProperty; the same values as a list
 * unpack several times faster. Measured: a year of the 100,000-entity case's timeline (600 events,
 * every entity property, in one record) cost 15 ms of Node CPU as maps and 3 ms as lists.
 * `names` says what each position holds.
 */
export function fromList(names: readonly string[], values: unknown): Properties {
  const list = Array.isArray(values) ? values : [];
  const properties: Properties = {};
  for (let i = 0; i < names.length; i++) properties[names[i]!] = list[i];
  return properties;
}

/**
 * What a query that takes `$properties` (`[p IN $properties | n[p]]`) is asked for: key, kind and
 * name, then those `asked` (every entity property when absent), each one an entity property: the
 * list is a parameter, so it is checked here and never reads what seeding derives.
 */
export function entityProperties(asked?: EntityProperties): TreeEntityProperty[] {
  if (!asked) return [...ENTITY_PROPERTIES];
  const properties = [...new Set<TreeEntityProperty>(['key', 'kind', 'name', ...asked])];
  for (const property of properties)
    if (!ENTITY_PROPERTIES.includes(property)) throw new TypeError(`not an entity property: ${property}`);
  return properties;
}

/** An entity from `[n.key, n.kind, ...]` in ENTITY_PROPERTIES order. */
export const entityFromList = (values: unknown): Entity => toEntity(fromList(ENTITY_PROPERTIES, values));

/** A relationship from `[r.key, r.role, ..., type(r), from, to]` in RELATIONSHIP_LIST order. */
export const relationshipFromList = (values: unknown): Relationship =>
  toRelationship(fromList(RELATIONSHIP_LIST, values));
export const SOURCE_PROPERTIES = ['key', 'caseKey', 'title', 'publisher', 'url', 'published', 'text'] as const;

/** An entity node: its mentions are on the node as parallel lists, like a relationship's evidence. */
export function toEntity(properties: Properties): Entity {
  const { mentionSources, mentionStarts, mentionEnds } = properties;
  // most reads select no mentions: no lists to make or sort (two entities per relationship of a tree read)
  const mentions =
    Array.isArray(mentionSources) && mentionSources.length > 0
      ? evidenceList(strings(mentionSources), numbers(mentionStarts), numbers(mentionEnds))
      : [];
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
    formerKeys: strings(properties.formerKeys),
  };
}

export function toRelationship(row: Properties): Relationship {
  return {
    key: str(row.key) ?? '',
    type: row.type as RelationshipType,
    from: str(row.from) ?? '',
    to: str(row.to) ?? '',
    role: str(row.role),
    evidence: claimEvidenceList(row),
  };
}

export function toSource(properties: Properties): Source {
  return {
    key: str(properties.key) ?? '',
    caseKey: str(properties.caseKey) ?? '',
    title: str(properties.title),
    publisher: str(properties.publisher),
    url: str(properties.url),
    published: str(properties.published),
    text: str(properties.text) ?? '',
  };
}

/** A change's before and after are JSON text on the node (Neo4j properties hold no maps). */
function changeState(value: unknown): ChangeState {
  const state = JSON.parse(str(value) ?? '{}') as Partial<ChangeState>;
  const base = {
    sources: state.sources ?? [],
    entities: state.entities ?? [],
    relationships: state.relationships ?? [],
  };
  // drafts only where the change touched one, as the change was made
  return state.drafts ? { ...base, drafts: state.drafts } : base;
}

export function toChange(properties: Properties): Change {
  return {
    seq: toNumber(properties.seq),
    at: str(properties.at) ?? '',
    actor: str(properties.actor) ?? '',
    action: properties.action as ChangeAction,
    reason: str(properties.reason),
    entityKeys: strings(properties.entityKeys),
    before: changeState(properties.before),
    after: changeState(properties.after),
  };
}

/** Drafts in the order of `keys` (null where a source has none), from drafts-of.cypher's rows. */
export function draftsIn(keys: readonly string[], rows: readonly Row[]): (Draft | null)[] {
  const byKey = new Map(rows.map((row) => [row.key as string, JSON.parse(row.json as string) as Draft]));
  return keys.map((key) => byKey.get(key) ?? null);
}
