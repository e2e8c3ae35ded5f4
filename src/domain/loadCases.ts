/** Reads every case file under a data directory (data/<case>/case.json and its text files). */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CaseFileError, validateCaseFile } from './caseFile.js';
import type { CaseGraph } from './model.js';

const CASE_FILE_NAME = 'case.json';

export function loadCases(dataDir: string): CaseGraph {
  if (!existsSync(dataDir)) throw new Error(`data directory ${dataDir} does not exist`);
  const graph: CaseGraph = { sources: [], entities: [], relationships: [] };
  const caseDirs = readdirSync(dataDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dataDir, d.name, CASE_FILE_NAME)))
    .map((d) => join(dataDir, d.name))
    .sort();
  for (const dir of caseDirs) {
    const file = join(dir, CASE_FILE_NAME);
    const origin = relative(process.cwd(), file) || file;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new CaseFileError(origin, [`not valid JSON: ${(error as Error).message}`]);
    }
    const readText = (textFile: string) => {
      const path = join(dir, textFile);
      return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    };
    const loaded = validateCaseFile(raw, readText, origin, graph);
    graph.sources.push(...loaded.sources);
    graph.entities.push(...loaded.entities);
    graph.relationships.push(...loaded.relationships);
  }
  return graph;
}
