/** The evaluation as a Markdown table, and its place in docs/INGEST.md (between the markers). */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Evaluation } from './evaluate.js';
import type { Counts } from './score.js';

const DOC_FILE = 'docs/INGEST.md';
const startMarker = (name: string) => `<!-- ${name}:start -->`;
const endMarker = (name: string) => `<!-- ${name}:end -->`;

/** "0.833 (10/12)", or "–" when there is nothing to divide by. */
function cell(part: number, whole: number): string {
  return whole === 0 ? '–' : `${(part / whole).toFixed(3)} (${part}/${whole})`;
}

function row(name: string, c: Counts): string {
  return `| ${[
    name,
    cell(c.mentionsMatched, c.mentionsPredicted),
    cell(c.mentionsMatched, c.mentionsGold),
    cell(c.kindsCorrect, c.mentionsMatched),
    cell(c.datesCorrect, c.datesMatched),
    cell(c.linksCorrect, c.linksPredicted),
    cell(c.linksFound, c.linksGold),
    String(c.wrongMerges),
    String(c.missedMerges),
    cell(c.claimsCorrect, c.claimsPredicted),
    cell(c.claimsFound, c.claimsGold),
    cell(c.rolesCorrect, c.rolesGold),
    cell(c.modalitiesCorrect, c.claimsCorrect),
  ].join(' | ')} |`;
}

export function evaluationTable(evaluation: Evaluation): string {
  return [
    '| Article | Mentions P | Mentions R | Kind acc. | Date acc. | Links P | Links R | Wrong merges | Missed merges | Claims P | Claims R | Role acc. | Modality acc. |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...evaluation.articles.map((a) => row(`\`${a.key}\``, a.counts)),
    row('**overall**', evaluation.overall),
  ].join('\n');
}

/** `doc` with the text between the markers `name` replaced by `table`; throws when the markers are missing. */
export function withTable(doc: string, table: string, name = 'eval'): string {
  const [open, close] = [startMarker(name), endMarker(name)];
  const start = doc.indexOf(open);
  const end = doc.indexOf(close);
  if (start < 0 || end < start) throw new Error(`${DOC_FILE} lacks ${open} … ${close}`);
  return `${doc.slice(0, start + open.length)}\n${table}\n${doc.slice(end)}`;
}

export function writeTable(table: string, name = 'eval', file = DOC_FILE): void {
  writeFileSync(file, withTable(readFileSync(file, 'utf8'), table, name));
}
