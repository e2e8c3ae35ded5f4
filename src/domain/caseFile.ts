/**
 * The case file: a case's sources plus the entities and relationships they state, each tied to the
 * words that state it, and each claim with who asserts it and how. `validateCaseFiles` turns the
 * parsed case files of a data directory into one CaseGraph, or throws a CaseFileError that names
 * every offending item. Case files may refer to each other's sources and entities in any order.
 */
import { z } from 'zod';
import { MODALITIES, NEEDS_ASSERTER } from './claims.js';
import { ENTITY_KINDS, RELATIONSHIP_TYPES } from './kinds.js';
import type { CaseGraph, ClaimEvidence, Entity, Evidence, Relationship, Source } from './model.js';
import { compareEvidence } from './ordering.js';
import {
  dateProblem,
  endpointProblem,
  kindFieldProblems,
  RELATIONSHIP_KEY,
  RELATIONSHIP_KEY_MESSAGE,
  relationshipKey,
  roleProblem,
  SLUG,
  SLUG_MESSAGE,
  spanProblem,
} from './rules.js';

const slug = z.string().regex(SLUG, SLUG_MESSAGE);
const text = z.string().trim().min(1);

const spanInput = {
  source: slug,
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
  /** For reviewers and as a check: when given, it must equal the source text at [start, end). */
  quote: z.string().optional(),
};
const mentionInput = z.strictObject(spanInput);
const claimEvidenceInput = z.strictObject({
  ...spanInput,
  modality: z.enum(MODALITIES).default('STATED'),
  assertedBy: text.nullable().default(null),
});

const sourceInput = z.strictObject({
  key: slug,
  title: text.nullable().default(null),
  publisher: text.nullable().default(null),
  published: z.string().nullable().default(null),
  url: z.url().nullable().default(null),
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
  formerKeys: z.array(slug).default([]),
  mentions: z.array(mentionInput).min(1, 'an entity needs at least one mention'),
});

const relationshipInput = z.strictObject({
  /** Defaults to "<from>--<type>--<to>"; give one when two relationships share type and endpoints. */
  key: z.string().regex(RELATIONSHIP_KEY, RELATIONSHIP_KEY_MESSAGE).optional(),
  type: z.enum(RELATIONSHIP_TYPES as [string, ...string[]]),
  from: slug,
  to: slug,
  role: text.nullable().default(null),
  evidence: z.array(claimEvidenceInput).min(1, 'a relationship needs at least one piece of evidence'),
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

/** One parsed case file, with where it came from. */
export interface CaseFileInput {
  /** The case it holds: its folder's name. */
  caseKey: string;
  raw: unknown;
  /** A source's textFile contents, or undefined when there is no such file. */
  readText: (textFile: string) => string | undefined;
  /** How problems name the file, e.g. "data/rust-case/case.json". */
  origin: string;
}

type ParsedCaseFile = z.infer<typeof caseFileSchema>;

/** Validates the case files of a data directory together: keys are unique across them all. */
export function validateCaseFiles(files: CaseFileInput[], known: CaseGraph = emptyGraph()): CaseGraph {
  const parsed: { file: CaseFileInput; input: ParsedCaseFile }[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const result = caseFileSchema.safeParse(file.raw);
    if (result.success) parsed.push({ file, input: result.data });
    else {
      problems.push(
        ...result.error.issues.map((i) => `${file.origin}: ${describePath(file.raw, i.path)}: ${i.message}`),
      );
    }
  }
  if (problems.length > 0) throw new CaseFileError(files.length === 1 ? files[0]!.origin : 'case files', problems);

  const sources = new Map<string, Source>(known.sources.map((s) => [s.key, s]));
  const newSources: Source[] = [];
  for (const { file, input } of parsed) {
    input.sources.forEach((s, i) => {
      const where = `${file.origin}: sources[${i}] "${s.key}"`;
      if (sources.has(s.key)) problems.push(`${where}: key repeats`);
      const published = dateProblem('published', s.published);
      if (published) problems.push(`${where}: ${published}`);
      const sourceText = file.readText(s.textFile);
      if (sourceText === undefined) {
        problems.push(`${where}: text file "${s.textFile}" not found`);
        return;
      }
      const { textFile: _textFile, ...fields } = s;
      const source: Source = { ...fields, caseKey: file.caseKey, text: sourceText };
      sources.set(s.key, source);
      newSources.push(source);
    });
  }

  const checkSpans = <T extends z.infer<typeof mentionInput>, E extends Evidence>(
    where: string,
    list: T[],
    toEvidence: (span: T) => E,
  ): E[] =>
    list
      .map((span, i) => {
        const source = sources.get(span.source);
        const problem = source ? spanProblem(source.text, span.source, span) : `source "${span.source}" does not exist`;
        if (problem) problems.push(`${where}: evidence[${i}]: ${problem}`);
        return toEvidence(span);
      })
      .sort(compareEvidence);

  const entities = new Map<string, Entity>(known.entities.map((e) => [e.key, e]));
  const newEntities: Entity[] = [];
  for (const { file, input } of parsed) {
    input.entities.forEach((e, i) => {
      const where = `${file.origin}: entities[${i}] "${e.key}"`;
      if (entities.has(e.key)) problems.push(`${where}: key repeats`);
      for (const problem of [...kindFieldProblems(e.kind, e), dateProblem('date', e.date)]) {
        if (problem) problems.push(`${where}: ${problem}`);
      }
      const entity: Entity = {
        key: e.key,
        kind: e.kind,
        name: e.name,
        aliases: e.aliases,
        summary: e.summary,
        mentions: checkSpans(where, e.mentions, (m) => ({ sourceKey: m.source, start: m.start, end: m.end })),
        occupations: e.occupations ?? [],
        organisationType: e.organisationType ?? null,
        productionType: e.productionType ?? null,
        locationType: e.locationType ?? null,
        eventType: e.eventType ?? null,
        date: e.date ?? null,
        formerKeys: e.formerKeys,
      };
      entities.set(e.key, entity);
      newEntities.push(entity);
    });
  }
  const formerKeys = new Set<string>();
  for (const entity of entities.values()) {
    for (const former of entity.formerKeys) {
      if (entities.has(former) || formerKeys.has(former)) {
        problems.push(`entity "${entity.key}": former key "${former}" is also another entity's key`);
      }
      formerKeys.add(former);
    }
  }

  const relationshipKeys = new Set(known.relationships.map((r) => r.key));
  const relationships: Relationship[] = [];
  for (const { file, input } of parsed) {
    input.relationships.forEach((r, i) => {
      const key = r.key ?? relationshipKey(r.type, r.from, r.to);
      const where = `${file.origin}: relationships[${i}] "${key}"`;
      if (relationshipKeys.has(key)) problems.push(`${where}: key repeats (give each a distinct "key")`);
      relationshipKeys.add(key);
      const from = entities.get(r.from);
      const to = entities.get(r.to);
      if (!from) problems.push(`${where}: from "${r.from}" does not exist`);
      if (!to) problems.push(`${where}: to "${r.to}" does not exist`);
      const type = r.type as Relationship['type'];
      const endpoints = from && to ? endpointProblem(type, from.kind, to.kind) : null;
      for (const problem of [endpoints, roleProblem(type, r.role)]) if (problem) problems.push(`${where}: ${problem}`);
      r.evidence.forEach((e, j) => {
        if (NEEDS_ASSERTER.has(e.modality) && e.assertedBy === null) {
          problems.push(`${where}: evidence[${j}]: a ${e.modality} claim needs assertedBy (who says it)`);
        }
      });
      const evidence = checkSpans(
        where,
        r.evidence,
        (e): ClaimEvidence => ({
          sourceKey: e.source,
          start: e.start,
          end: e.end,
          modality: e.modality,
          assertedBy: e.assertedBy,
        }),
      );
      relationships.push({ key, type, from: r.from, to: r.to, role: r.role, evidence });
    });
  }

  if (problems.length > 0) throw new CaseFileError(files.length === 1 ? files[0]!.origin : 'case files', problems);
  return { sources: newSources, entities: newEntities, relationships };
}

/** One case file on its own (`known`: what other case files already hold). */
export function validateCaseFile(
  raw: unknown,
  readText: (textFile: string) => string | undefined,
  origin: string,
  known: CaseGraph = emptyGraph(),
): CaseGraph {
  const problems = (error: CaseFileError) => error.problems.map((p) => p.replace(`${origin}: `, ''));
  try {
    return validateCaseFiles([{ caseKey: 'case', raw, readText, origin }], known);
  } catch (error) {
    if (error instanceof CaseFileError) throw new CaseFileError(origin, problems(error));
    throw error;
  }
}

const emptyGraph = (): CaseGraph => ({ sources: [], entities: [], relationships: [] });

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
