/** The environment, read once into a typed, validated config. Every setting is in the README. */
import { z } from 'zod';
import { DEFAULT_DATA_DIR } from './paths.js';

const port = z.coerce.number().int().min(0).max(65535);
const optional = z.string().trim().min(1).optional().catch(undefined);

const configSchema = z.object({
  PORT: port.default(4000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default(DEFAULT_DATA_DIR),
  NEO4J_URI: optional,
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  ANALYST_TOKENS: z.string().default(''),
  CYPHER_TIMEOUT_MS: z.coerce.number().int().min(1).default(5000),
  CYPHER_ROW_LIMIT: z.coerce.number().int().min(1).default(1000),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Present when the server should use Neo4j; the embedded store otherwise. */
  neo4j?: Neo4jConfig;
  server: ServerOptions;
}

/** What the HTTP server needs beyond a store. */
export interface ServerOptions {
  /** Bearer tokens that may use analyst features (read-only Cypher). */
  analystTokens: string[];
  cypherTimeoutMs: number;
  cypherRowLimit: number;
}

export const DEFAULT_SERVER_OPTIONS: ServerOptions = { analystTokens: [], cypherTimeoutMs: 5000, cypherRowLimit: 1000 };

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(blankless);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: c.DATA_DIR,
    server: {
      analystTokens: c.ANALYST_TOKENS.split(',').map((t) => t.trim()).filter(Boolean),
      cypherTimeoutMs: c.CYPHER_TIMEOUT_MS,
      cypherRowLimit: c.CYPHER_ROW_LIMIT,
    },
    ...(c.NEO4J_URI
      ? { neo4j: { uri: c.NEO4J_URI, user: c.NEO4J_USER, password: c.NEO4J_PASSWORD, database: c.NEO4J_DATABASE } }
      : {}),
  };
}
