/** Where the project's files are, whether running from src/ (tests) or dist/ (npm start). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the project root (no package.json above this module)');
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot();
export const CYPHER_DIR = join(PROJECT_ROOT, 'cypher');
export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, 'data');
export const SCHEMA_FILE = join(PROJECT_ROOT, 'schema', 'schema.graphql');
export const NEO4J_LAUNCHER_DIR = join(PROJECT_ROOT, 'tools', 'neo4j-local');
