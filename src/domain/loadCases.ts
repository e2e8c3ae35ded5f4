/** Reads every case file under a data directory (data/<case>/case.json and its text files), together. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { CaseFileError, type CaseFileInput, validateCaseFiles } from './caseFile.js';
import { DRAFT_FILE_SUFFIX, parseDraft } from './draftFile.js';
import type { CaseGraph } from './model.js';

export const CASE_FILE_NAME = 'case.json';

/** A JSON file's content, and its path as messages name it; a CaseFileError when it is not JSON. */
function readJson(file: string): { raw: unknown; origin: string } {
  const origin = relative(process.cwd(), file) || file;
  try {
    return { raw: JSON.parse(readFileSync(file, 'utf8')), origin };
  } catch (error) {
    throw new CaseFileError(origin, [`not valid JSON: ${(error as Error).message}`]);
  }
}

export function loadCases(dataDir: string): CaseGraph {
  if (!existsSync(dataDir)) throw new Error(`data directory ${dataDir} does not exist`);
  const caseDirs = readdirSync(dataDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dataDir, d.name, CASE_FILE_NAME)))
    .map((d) => join(dataDir, d.name))
    .sort();
  const files = caseDirs.map((dir): CaseFileInput => {
    const { raw, origin } = readJson(join(dir, CASE_FILE_NAME));
    const readText = (textFile: string) => {
      const path = join(dir, textFile);
      return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    };
    return { caseKey: basename(dir), raw, readText, origin };
  });
  const graph = validateCaseFiles(files);
  const drafts = graph.sources.flatMap((source) => {
    const file = join(dataDir, source.caseKey, `${source.key}${DRAFT_FILE_SUFFIX}`);
    if (!existsSync(file)) return [];
    const { raw, origin } = readJson(file);
    return [parseDraft(raw, source.key, source.text, origin)];
  });
  return drafts.length > 0 ? { ...graph, drafts } : graph;
}
