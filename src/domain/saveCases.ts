/**
 * Writes a case graph back out as the case folders loadCases reads (data/<case>/case.json and one
 * <source>.txt per source), and the audit trail beside them (changes.jsonl, one change a line,
 * oldest first). The layout is the hand-written one: two-space indents, each mention and piece of
 * evidence on one line with its quote for reviewers, and fields at their defaults left out where
 * the existing files leave them out, so that loading and saving a data directory changes nothing.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Change } from './changes.js';
import { DRAFT_FILE_SUFFIX, draftFileContent } from './draftFile.js';
import { CASE_FILE_NAME } from './loadCases.js';
import { type CaseGraph, type ClaimEvidence, type Evidence, quoteOf, type Source } from './model.js';
import type { Draft } from './suggestions.js';
import { relationshipKey } from './rules.js';

const CHANGES_FILE_NAME = 'changes.jsonl';

/** A case folder's files: case.json, its sources' texts, and the drafts of sources read by ingest. */
export interface CaseFolder {
  caseKey: string;
  files: { name: string; content: string }[];
}

/** An object the printer writes on one line: `{ "source": "a", "start": 0 }`. */
class OneLine {
  constructor(readonly fields: Record<string, unknown>) {}
}

/** JSON as the case files are laid out: JSON.stringify's two-space indent, but OneLine objects inline. */
function print(value: unknown, indent = ''): string {
  if (value instanceof OneLine) {
    const fields = Object.entries(value.fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
    return `{ ${fields.join(', ')} }`;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => inner + print(item, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${print(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

const textFileOf = (source: Source) => `${source.key}.txt`;

/**
 * Each draft's file content, printed once per draft object. A draft is replaced, never changed in
 * place, so the embedded store's writer, which lays out every case folder after each commit, does
 * not print again the megabytes of drafts a decision did not touch (before: every draft of every
 * source on every write, a third of a second per write with fifteen long drafts, growing with each).
 */
const draftContents = new WeakMap<Draft, string>();
function draftContentOf(draft: Draft): string {
  let content = draftContents.get(draft);
  if (content === undefined) {
    content = draftFileContent(draft);
    draftContents.set(draft, content);
  }
  return content;
}

/** Each case's folder, by case key; a record goes in the case of the source its first evidence cites. */
export function caseFilesOf(graph: CaseGraph): CaseFolder[] {
  const sources = new Map(graph.sources.map((s) => [s.key, s]));
  const sourceOf = (evidence: Evidence | undefined) => {
    const source = evidence && sources.get(evidence.sourceKey);
    if (!source) throw new Error(`evidence cites source "${evidence?.sourceKey}", which the graph does not hold`);
    return source;
  };
  const span = (e: Evidence, extra: Record<string, unknown> = {}) => ({
    source: e.sourceKey,
    start: e.start,
    end: e.end,
    quote: quoteOf(e, sourceOf(e)),
    ...extra,
  });
  // defaults are left out (STATED; asserted by the source itself), as hand-written case files do
  const claim = (e: ClaimEvidence) =>
    new OneLine(
      span(e, { modality: e.modality === 'STATED' ? undefined : e.modality, assertedBy: e.assertedBy ?? undefined }),
    );
  const orNone = <T>(value: T | null) => value ?? undefined;
  const drafts = new Map((graph.drafts ?? []).map((d) => [d.sourceKey, d]));

  const cases = new Map<
    string,
    { sources: unknown[]; entities: unknown[]; relationships: unknown[]; texts: Source[] }
  >();
  const caseOf = (source: Source) =>
    cases.get(source.caseKey) ??
    cases.set(source.caseKey, { sources: [], entities: [], relationships: [], texts: [] }).get(source.caseKey)!;
  for (const s of graph.sources) {
    const folder = caseOf(s);
    const { key, title, publisher, published, url } = s;
    // as the existing files have it: publisher and published always there, title and url when known
    folder.sources.push({ key, title: orNone(title), publisher, published, url: orNone(url), textFile: textFileOf(s) });
    folder.texts.push(s);
  }
  for (const e of graph.entities) {
    caseOf(sourceOf(e.mentions[0])).entities.push({
      key: e.key,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases,
      summary: orNone(e.summary),
      // a person's occupations are written even when there are none; no other kind has them
      occupations: e.kind === 'PERSON' ? e.occupations : undefined,
      organisationType: orNone(e.organisationType),
      productionType: orNone(e.productionType),
      locationType: orNone(e.locationType),
      eventType: orNone(e.eventType),
      date: orNone(e.date),
      formerKeys: e.formerKeys.length > 0 ? e.formerKeys : undefined,
      mentions: e.mentions.map((m) => new OneLine(span(m))),
    });
  }
  for (const r of graph.relationships) {
    caseOf(sourceOf(r.evidence[0])).relationships.push({
      // the key is written only when it is not the one loading would derive
      key: r.key === relationshipKey(r.type, r.from, r.to) ? undefined : r.key,
      type: r.type,
      from: r.from,
      to: r.to,
      role: orNone(r.role),
      evidence: r.evidence.map(claim),
    });
  }
  return [...cases]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([caseKey, { texts, ...caseFile }]) => ({
      caseKey,
      files: [
        { name: CASE_FILE_NAME, content: `${print(caseFile)}\n` },
        ...texts.map((s) => ({ name: textFileOf(s), content: s.text })),
        ...texts.flatMap((s) => {
          const draft = drafts.get(s.key);
          return draft ? [{ name: `${s.key}${DRAFT_FILE_SUFFIX}`, content: draftContentOf(draft) }] : [];
        }),
      ],
    }));
}

/** The audit trail file: a change a line, oldest first, its fields always in the same order. */
function changesFileOf(changes: readonly Change[]): string {
  return changes
    .map(({ seq, at, actor, action, reason, entityKeys, before, after }) =>
      JSON.stringify({ seq, at, actor, action, reason, entityKeys, before, after }),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/**
 * Replaces a file whole or not at all: written beside it, flushed, then renamed over it, so a crash
 * never leaves half a case file. An unchanged file is left alone (a source's text never changes).
 */
function writeAtomically(path: string, content: string): void {
  if (existsSync(path) && readFileSync(path, 'utf8') === content) return;
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeFileSync(fd, content, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes the graph's case folders and the audit trail under `dataDir`; other files there stay. */
export function saveCases(dataDir: string, graph: CaseGraph, changes: readonly Change[]): void {
  for (const { caseKey, files } of caseFilesOf(graph)) {
    const dir = join(dataDir, caseKey);
    mkdirSync(dir, { recursive: true });
    for (const { name, content } of files) writeAtomically(join(dir, name), content);
  }
  const changesFile = join(dataDir, CHANGES_FILE_NAME);
  // a data directory that never had a change gets no empty audit trail file
  if (changes.length > 0 || existsSync(changesFile)) writeAtomically(changesFile, changesFileOf(changes));
}

/**
 * What the embedded store calls after each commit: keeps the case folders under `dataDir` equal to
 * the graph, at the cost of what changed. Texts are written once (sources never change), case.json
 * files only when their content changed (compared with what this writer last wrote, not re-read
 * from disk), and the audit trail is appended to, a line per change, flushed. Texts go first and
 * the change last, so a crash in between leaves files that load, at worst without the last change.
 */
export function caseFolderWriter(
  dataDir: string,
  changesOnDisk: number,
): (graph: CaseGraph, changes: readonly Change[]) => void {
  const written = new Map<string, string>();
  let changesWritten = changesOnDisk;
  return (graph, changes) => {
    const folders = caseFilesOf(graph);
    for (const { caseKey, files } of folders) {
      mkdirSync(join(dataDir, caseKey), { recursive: true });
      for (const { name, content } of files) {
        const path = join(dataDir, caseKey, name);
        // texts never change: each is written once; case.json and drafts below, when they changed
        if (!name.endsWith('.txt') || written.has(path)) continue;
        writeAtomically(path, content);
        written.set(path, '');
      }
    }
    for (const { caseKey, files } of folders) {
      for (const { name, content } of files) {
        const path = join(dataDir, caseKey, name);
        if (name.endsWith('.txt') || written.get(path) === content) continue;
        writeAtomically(path, content);
        written.set(path, content);
      }
    }
    const fresh = changes.slice(changesWritten);
    if (fresh.length > 0) {
      const fd = openSync(join(dataDir, CHANGES_FILE_NAME), 'a');
      try {
        writeFileSync(fd, changesFileOf(fresh), 'utf8');
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      changesWritten = changes.length;
    }
  };
}

/** The audit trail saved with the case folders, oldest first ([] when there is none yet). */
export function loadChanges(dataDir: string): Change[] {
  const file = join(dataDir, CHANGES_FILE_NAME);
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.flatMap((line, i) => {
    if (line.trim() === '') return [];
    let change: Change;
    try {
      change = JSON.parse(line) as Change;
    } catch (error) {
      throw new Error(`${file}:${i + 1}: not valid JSON: ${(error as Error).message}`);
    }
    if (!Number.isInteger(change.seq) || typeof change.action !== 'string' || !Array.isArray(change.entityKeys)) {
      throw new Error(`${file}:${i + 1}: not a change`);
    }
    return [change];
  });
}
