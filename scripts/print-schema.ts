/** `npm run schema`: prints the SDL from the Pothos builder into schema/schema.graphql. */
import { writeFileSync } from 'node:fs';
import { printedSchema } from '../src/graphql/printSchema.js';
import { SCHEMA_FILE } from '../src/paths.js';
import { runCli } from '../src/cli/runCli.js';

runCli(async () => {
  writeFileSync(SCHEMA_FILE, printedSchema());
  console.log(`Wrote ${SCHEMA_FILE}`);
});
