/**
 * The case file: a source's text plus the entities and relationships it states, each tied to the
 * words that state it. `validateCaseFile` turns a parsed case file into a CaseGraph or throws a
 * CaseFileError that names every offending item.
 */
import { z } from 'zod';
import { ENTITY_KINDS, RELATIONSHIP_TYPES, fitsEndpoints, type EntityKind } from './kinds.js';
import type { CaseGraph, Entity, Evidence, Relationship, Source } from './model.js';
import { compareEvidence } from './ordering.js';
import { parsePartialDate } from './partialDate.js';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "alec-baldwin"');
const text = z.string().trim().min(1);

const evidenceInput = z.strictObject({
  source: slug,
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
  /** For reviewers and as a check: when given, it must equal the source text at [start, end). */
  quote: z.string().optional(),
});

const sourceInput = z.strictObject({
  key: slug,
  title: text,
  publisher: text.nullable().default(null),
  published: z.string().nullable().default(null),
  /** The text file beside the case file, byte for byte as published. */
  textFile: z.string().regex(/^[\w.-]+\.txt$/, 'must name a .txt file beside the case file'),
});

const entityInput = z.strictObject({
  key: slug,
  kind: z.enum(ENTITY_KINDS),
  name: text,
  aliases: z.array(text).default([]),
  summary: text.nullable().default(null),
  occupations: z.array(text).optional(),
  organisationType: text.optional(),
  productionType: text.optional(),
  locationType: text.optional(),
  eventType: text.optional(),
  date: z.string().optional(),
  mentions: z.array(evidenceInput).min(1, 'an entity needs at least one mention'),
});

const relationshipInput = z.strictObject({
  /** Defaults to "<from>--<type>--<to>"; give one when two relationships share type and endpoints. */
  key: slug.optional(),
  type: z.enum(RELATIONSHIP_TYPES as [string, ...string[]]),
  from: slug,
  to: slug,
  role: text.nullable().default(null),
  evidence: z.array(evidenceInput).min(1, 'a relationship needs at least one piece of evidence'),
});

const caseFileSchema = z.strictObject({
  sources: z.array(sourceInput).min(1),
  entities: z.array(entityInput),
  relationships: z.array(relationshipInput),
});

export class CaseFileError extends Error {
  constructor(
    readonly origin: string,
    readonly problems: string[],
  ) {
    super(`${origin}: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CaseFileError';
  }
}

/** The kind-specific fields, and the one kind each belongs to. */
const FIELD_KIND: Record<string, EntityKind> = {
  occupations: 'PERSON',
  organisationType: 'ORGANISATION',
  productionType: 'PRODUCTION',
  locationType: 'LOCATION',
  eventType: 'EVENT',
  date: 'EVENT',
};

/** Relationship types whose role the API promises (Participation.role is non-null). */
const ROLE_REQUIRED = new Set<string>(['PARTICIPATED_IN']);

function relationshipKey(type: string, from: string, to: string): string {
  return `${from}--${type.toLowerCase().replaceAll('_', '-')}--${to}`;
}

/**
 * Validates a parsed case file. `readText` gives a source's textFile contents (undefined when there
 * is no such file); `known`
 * holds sources and entities already loaded from other case files, so keys stay unique across them.
 */
export function validateCaseFile(
  raw: unknown,
  readText: (textFile: string) => string | undefined,
  origin: string,
  known: CaseGraph = { sources: [], entities: [], relationships: [] },
): CaseGraph {
  const parsed = caseFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CaseFileError(
      origin,
      parsed.error.issues.map((issue) => `${describePath(raw, issue.path)}: ${issue.message}`),
    );
  }
  const input = parsed.data;
  const problems: string[] = [];

  const sources = new Map<string, Source>(known.sources.map((s) => [s.key, s]));
  input.sources.forEach((s, i) => {
    const where = `sources[${i}] "${s.key}"`;
    if (sources.has(s.key)) problems.push(`${where}: key repeats`);
    if (s.published !== null && !parsePartialDate(s.published)) {
      problems.push(`${where}: published "${s.published}" is not a date like 2021, 2021-11 or 2021-11-03`);
    }
    const sourceText = readText(s.textFile);
    if (sourceText === undefined) {
      problems.push(`${where}: text file "${s.textFile}" not found`);
      return;
    }
    sources.set(s.key, {
      key: s.key,
      title: s.title,
      publisher: s.publisher,
      published: s.published,
      text: sourceText,
    });
  });

  const checkEvidence = (where: string, list: z.infer<typeof evidenceInput>[]): Evidence[] =>
    list
      .map((e, i) => {
        const at = `${where}: evidence[${i}]`;
        const source = sources.get(e.source);
        if (!source) {
          problems.push(`${at}: source "${e.source}" does not exist`);
        } else if (e.end <= e.start) {
          problems.push(`${at}: end ${e.end} must be greater than start ${e.start}`);
        } else if (e.end > source.text.length) {
          problems.push(
            `${at}: end ${e.end} is past the end of source "${e.source}" (${source.text.length} characters)`,
          );
        } else if (e.quote !== undefined && source.text.slice(e.start, e.end) !== e.quote) {
          problems.push(
            `${at}: quote "${e.quote}" is not the source text at [${e.start}, ${e.end}), which reads "${source.text.slice(e.start, e.end)}"`,
          );
        }
        return { sourceKey: e.source, start: e.start, end: e.end };
      })
      .sort(compareEvidence);

  const entities = new Map<string, Entity>(known.entities.map((e) => [e.key, e]));
  const newEntities: Entity[] = [];
  input.entities.forEach((e, i) => {
    const where = `entities[${i}] "${e.key}"`;
    if (entities.has(e.key)) problems.push(`${where}: key repeats`);
    for (const [field, kind] of Object.entries(FIELD_KIND)) {
      if (e[field as keyof typeof e] !== undefined && e.kind !== kind) {
        problems.push(`${where}: ${field} belongs to ${kind}, not ${e.kind}`);
      }
    }
    if (e.kind === 'EVENT' && e.eventType === undefined) problems.push(`${where}: an EVENT needs an eventType`);
    if (e.date !== undefined && !parsePartialDate(e.date)) {
      problems.push(`${where}: date "${e.date}" is not a date like 2021, 2021-11 or 2021-11-03`);
    }
    const entity: Entity = {
      key: e.key,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases,
      summary: e.summary,
      mentions: checkEvidence(where, e.mentions),
      occupations: e.occupations ?? [],
      organisationType: e.organisationType ?? null,
      productionType: e.productionType ?? null,
      locationType: e.locationType ?? null,
      eventType: e.eventType ?? null,
      date: e.date ?? null,
    };
    entities.set(e.key, entity);
    newEntities.push(entity);
  });

  const relationshipKeys = new Set(known.relationships.map((r) => r.key));
  const relationships: Relationship[] = input.relationships.map((r, i) => {
    const key = r.key ?? relationshipKey(r.type, r.from, r.to);
    const where = `relationships[${i}] "${key}"`;
    if (relationshipKeys.has(key)) problems.push(`${where}: key repeats (give each a distinct "key")`);
    relationshipKeys.add(key);
    const from = entities.get(r.from);
    const to = entities.get(r.to);
    if (!from) problems.push(`${where}: from "${r.from}" does not exist`);
    if (!to) problems.push(`${where}: to "${r.to}" does not exist`);
    const type = r.type as Relationship['type'];
    if (from && to && !fitsEndpoints(type, from.kind, to.kind)) {
      problems.push(`${where}: ${type} cannot go from ${from.kind} to ${to.kind}`);
    }
    if (ROLE_REQUIRED.has(type) && r.role === null) problems.push(`${where}: a ${type} needs a role`);
    return { key, type, from: r.from, to: r.to, role: r.role, evidence: checkEvidence(where, r.evidence) };
  });

  if (problems.length > 0) throw new CaseFileError(origin, problems);
  const newSources = input.sources.map((s) => sources.get(s.key)).filter((s): s is Source => s !== undefined);
  return { sources: newSources, entities: newEntities, relationships };
}

/** "entities[3] \"alec-baldwin\".mentions[0].end" rather than "entities.3.mentions.0.end". */
function describePath(raw: unknown, path: PropertyKey[]): string {
  let described = '';
  let node: unknown = raw;
  for (const step of path) {
    if (typeof step === 'number') {
      node = Array.isArray(node) ? node[step] : undefined;
      const key = node && typeof node === 'object' && 'key' in node ? (node as { key: unknown }).key : undefined;
      described += `[${step}]${typeof key === 'string' ? ` "${key}"` : ''}`;
    } else {
      node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[step] : undefined;
      described += described ? `.${String(step)}` : String(step);
    }
  }
  return described || '(case file)';
}
