/**
 * `npm run eval:ingest`: reads the gold set and prints its scores. `-- --write` also puts the table
 * in docs/INGEST.md and the scores in each set's scores.json (the floor the tests hold), for the
 * tuning set (tests/ingest/gold) and the held-out set (tests/ingest/heldout) apart;
 * `-- --details` lists each article's errors; `-- --build-gold` first rebuilds each article.txt and
 * gold.json from its marked-up source.
 */
import { errorDetails } from './details.js';
import { floorFileOf, floorOf, writeFloor } from './floor.js';
import { EVALUATION_SETS } from './gold.js';
import { evaluationTable, writeTable } from './table.js';
import { writeGold } from './writeGold.js';

const args = new Set(process.argv.slice(2));
if (args.has('--build-gold')) {
  for (const set of EVALUATION_SETS) console.log(`gold rebuilt (${set.dir}): ${writeGold(set.dir).join(', ')}`);
}
// imported late, so the gold can be rebuilt while a stage of the pipeline does not load
const { evaluate } = await import('./evaluate.js');
for (const set of EVALUATION_SETS) {
  const evaluation = await evaluate('data', set.dir);
  console.log(`\n# ${set.dir}${set.name === 'heldout' ? ' (held out: never tuned on)' : ''}`);
  if (args.has('--details')) {
    for (const { key, draft, gold } of evaluation.articles) {
      console.log(`\n## ${key}\n${errorDetails(draft, gold).join('\n') || '(no errors)'}`);
    }
    console.log();
  }
  const table = evaluationTable(evaluation);
  console.log(table);
  if (args.has('--write')) {
    writeTable(table, set.name);
    writeFloor(floorOf(evaluation), floorFileOf(set.dir));
    console.log(`written: docs/INGEST.md (${set.name} table) and ${floorFileOf(set.dir)} (floor)`);
  }
}
