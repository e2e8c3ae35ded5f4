/**
 * `npm run ingest -- <file.txt> --case <folder>`: reads a new article against the graph of the
 * case folders beside <folder> (every case: people recur across cases) and writes what it suggests
 * as <folder>/<source>.draft.json, beside the case file, with a summary on the terminal. It never
 * touches case.json: a draft is proposals, and only an editor's accept (acceptSuggestion) writes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DRAFT_FILE_SUFFIX, draftFileContent } from '../domain/draftFile.js';
import { CASE_FILE_NAME, loadCases } from '../domain/loadCases.js';
import type { CaseGraph } from '../domain/model.js';
import { SLUG, SLUG_MESSAGE } from '../domain/rules.js';
import { draftSummary } from '../ingest/draftSummary.js';
import { readingOptionsIn } from '../ingest/lookupInGraph.js';
import { newEntityKey } from '../ingest/newEntityKey.js';
import { readSource } from '../ingest/readSource.js';
import { runCli } from './runCli.js';

const USAGE = 'usage: npm run ingest -- <article.txt> --case <case folder> [--key <source key>]';

/** Every case under the folder's parent, when that is a data directory; none when the case is the first. */
function graphBeside(caseFolder: string): CaseGraph {
  const dataDir = dirname(caseFolder);
  const hasCases =
    existsSync(dataDir) &&
    readdirSync(dataDir, { withFileTypes: true }).some(
      (d) => d.isDirectory() && existsSync(join(dataDir, d.name, CASE_FILE_NAME)),
    );
  return hasCases ? loadCases(dataDir) : { sources: [], entities: [], relationships: [] };
}

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { case: { type: 'string' }, key: { type: 'string' } },
  });
  const [file] = positionals;
  if (!file || !values.case || positionals.length > 1) throw new Error(USAGE);
  if (!existsSync(file) || !statSync(file).isFile()) throw new Error(`${file}: no such file\n${USAGE}`);
  const text = readFileSync(file, 'utf8');
  if (text.trim() === '') throw new Error(`${file} is empty: there is nothing to read`);
  const caseFolder = resolve(values.case);
  const sourceKey = values.key ?? newEntityKey(basename(file).replace(/\.[^.]*$/, ''));
  // the key names the draft's file: a slug cannot climb out of the case folder
  if (!SLUG.test(sourceKey)) throw new Error(`--key "${sourceKey}" ${SLUG_MESSAGE}\n${USAGE}`);
  const out = join(caseFolder, `${sourceKey}${DRAFT_FILE_SUFFIX}`);
  // Refused before any reading. A draft there may hold editors' decisions (accepted, rejected): a
  // new reading must not erase them. A draft of a source the graph holds must be of that source's
  // text, in that source's case, or the server would refuse to load the data directory (loadCases
  // checks every span against the source's text) or never look at the draft.
  if (existsSync(out)) throw new Error(`${out} exists and may hold editors' decisions: remove it to read again`);
  const graph = graphBeside(caseFolder);
  const source = graph.sources.find((s) => s.key === sourceKey);
  if (source && (source.text !== text || source.caseKey !== basename(caseFolder)))
    throw new Error(
      `the source "${sourceKey}" of case "${source.caseKey}" has another text or case: give --key another key\n${USAGE}`,
    );
  const draft = await readSource(sourceKey, text, readingOptionsIn(graph));
  mkdirSync(caseFolder, { recursive: true });
  writeFileSync(out, draftFileContent(draft), { flag: 'wx' });
  console.log(draftSummary(draft, text.length));
  console.log(
    `\nWrote ${out} (compared with ${graph.entities.length} entities of ${new Set(graph.sources.map((s) => s.caseKey)).size} case(s)).`,
  );
});
