/** `npm run schema`: prints the SDL from the Pothos builder into schema/schema.graphql. */
import { writeFileSync } from 'node:fs';
import { printedSchema } from '../graphql/printSchema.js';
import { SCHEMA_FILE } from '../paths.js';
import { runCli } from './runCli.js';

runCli(async () => {
  writeFileSync(SCHEMA_FILE, printedSchema());
  console.log(`Wrote ${SCHEMA_FILE}`);
});
