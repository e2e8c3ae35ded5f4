/** The environment, read once into a typed, validated config. Every setting is in the README. */
import { z } from 'zod';
import { DEFAULT_DATA_DIR } from './paths.js';

const port = z.coerce.number().int().min(0).max(65535);
const optional = z.string().trim().min(1).optional().catch(undefined);
const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));
const positive = z.coerce.number().int().min(1);

/** "https://app.example:8443" as an origin, or null for anything else (a path, a wildcard, credentials). */
function originOf(text: string): string | null {
  try {
    const url = new URL(text);
    const bare = !url.username && !url.password && url.pathname === '/' && !url.search && !url.hash;
    if ((url.protocol === 'https:' || url.protocol === 'http:') && bare) return url.origin;
  } catch {
    // not a URL at all
  }
  return null;
}

const configSchema = z.object({
  PORT: port.default(4000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default(DEFAULT_DATA_DIR),
  NEO4J_URI: optional,
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEO4J_ANALYST_USER: optional,
  NEO4J_ANALYST_PASSWORD: z.string().default(''),
  ANALYST_TOKENS: z.string().default(''),
  READ_TOKENS: z.string().default(''),
  EDITOR_TOKENS: z.string().default(''),
  REQUIRE_AUTH: flag.default(false),
  CYPHER_TIMEOUT_MS: z.coerce.number().int().min(1).default(5000),
  CYPHER_ROW_LIMIT: z.coerce.number().int().min(1).default(1000),
  CYPHER_MAX_BYTES: positive.default(5_000_000),
  STORE_TIMEOUT_MS: positive.default(5000),
  SHUTDOWN_GRACE_MS: positive.default(10_000),
  INTROSPECTION: flag.default(true),
  GRAPHIQL: flag.default(true),
  MAX_DEPTH: positive.default(12),
  MAX_COST: positive.default(500_000),
  MAX_ALIASES: z.coerce.number().int().min(0).default(30),
  MAX_DIRECTIVES: z.coerce.number().int().min(0).default(30),
  MAX_TOKENS: positive.default(5_000),
  MAX_BODY_BYTES: positive.default(1_000_000),
  MAX_BATCH: positive.default(10),
  // 0 turns the response cache off; writes invalidate what they touch, the TTL bounds everything else
  RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
  RESPONSE_CACHE_MAX: positive.default(1000),
  METRICS_PORT: port.optional(),
  // redis:// or rediss:// (TLS), with any user, password and database number in the URL
  REDIS_URL: z
    .string()
    .trim()
    .refine((text) => /^rediss?:\/\/[^/]/.test(text), 'must be a redis:// or rediss:// URL')
    .optional(),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((text, ctx) =>
      tokenList(text).flatMap((entry) => {
        const origin = originOf(entry);
        if (origin === null)
          ctx.addIssue({ code: 'custom', message: `"${entry}" is not an origin such as https://app.example` });
        return origin === null ? [] : [origin];
      }),
    ),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Present when the server should use Neo4j; the embedded store otherwise. */
  neo4j?: Neo4jConfig;
  /** How long a request waits for the store before it answers STORE_UNAVAILABLE. */
  storeTimeoutMs: number;
  /** On SIGTERM, how long requests in flight may take to finish. */
  shutdownGraceMs: number;
  server: ServerOptions;
}

/** What one request may ask, each over its limit refused with QUERY_TOO_COMPLEX (http/limits.ts). */
export interface Limits {
  maxDepth: number;
  /** Each field costs 1, times the page sizes (first, limit) of the lists around it. */
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxBodyBytes: number;
  maxBatch: number;
}

/** What the HTTP server needs beyond a store. */
export interface ServerOptions {
  /** Bearer tokens that may use analyst features (read-only Cypher), and read. */
  analystTokens: string[];
  /** Bearer tokens that may read. */
  readTokens: string[];
  /** Bearer tokens that may write (editors' mutations), and read. */
  editorTokens?: string[];
  /** When true, every GraphQL request and export needs a read or analyst token. */
  requireAuth: boolean;
  cypherTimeoutMs: number;
  cypherRowLimit: number;
  /** The most bytes of JSON the rows of one Cypher query may take; later rows are cut. */
  cypherMaxBytes: number;
  /** Off in production: the schema is not described, and errors suggest no field names. */
  introspection: boolean;
  graphiql: boolean;
  limits: Limits;
  /** Origins (scheme://host[:port]) whose pages may call the API from a browser; none: same origin only. */
  corsOrigins: string[];
  /** When set, /metrics is served on this port (bound to HOST) instead of the main one. */
  metricsPort?: number;
  /**
   * When set, subscriptions hear of changes through this Redis (pub/sub), so that a write on any
   * instance behind a load balancer reaches subscribers on all of them; unset: in-process only.
   */
  redisUrl?: string;
  /**
   * How long a query's answer may be served again from the response cache (http/responseCache.ts),
   * per caller; writes invalidate what they touch sooner. 0 or unset: no cache.
   */
  responseCacheTtlMs?: number;
  /** The most answers the response cache holds; the least recently used go first. */
  responseCacheMax?: number;
}

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database: string;
  /**
   * Whom analyst Cypher logs in as (NEO4J_ANALYST_USER): a user with only the reader role, where the
   * database has roles (Enterprise). Absent: the API's own user.
   */
  analyst?: { user: string; password: string };
}

class ConfigError extends Error {}

const tokenList = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

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
    storeTimeoutMs: c.STORE_TIMEOUT_MS,
    shutdownGraceMs: c.SHUTDOWN_GRACE_MS,
    server: {
      analystTokens: tokenList(c.ANALYST_TOKENS),
      readTokens: tokenList(c.READ_TOKENS),
      editorTokens: tokenList(c.EDITOR_TOKENS),
      requireAuth: c.REQUIRE_AUTH,
      cypherTimeoutMs: c.CYPHER_TIMEOUT_MS,
      cypherRowLimit: c.CYPHER_ROW_LIMIT,
      cypherMaxBytes: c.CYPHER_MAX_BYTES,
      introspection: c.INTROSPECTION,
      graphiql: c.GRAPHIQL,
      corsOrigins: c.CORS_ORIGINS,
      responseCacheTtlMs: c.RESPONSE_CACHE_TTL_MS,
      responseCacheMax: c.RESPONSE_CACHE_MAX,
      ...(c.METRICS_PORT === undefined ? {} : { metricsPort: c.METRICS_PORT }),
      ...(c.REDIS_URL === undefined ? {} : { redisUrl: c.REDIS_URL }),
      limits: {
        maxDepth: c.MAX_DEPTH,
        maxCost: c.MAX_COST,
        maxAliases: c.MAX_ALIASES,
        maxDirectives: c.MAX_DIRECTIVES,
        maxTokens: c.MAX_TOKENS,
        maxBodyBytes: c.MAX_BODY_BYTES,
        maxBatch: c.MAX_BATCH,
      },
    },
    ...(c.NEO4J_URI
      ? {
          neo4j: {
            uri: c.NEO4J_URI,
            user: c.NEO4J_USER,
            password: c.NEO4J_PASSWORD,
            database: c.NEO4J_DATABASE,
            ...(c.NEO4J_ANALYST_USER
              ? { analyst: { user: c.NEO4J_ANALYST_USER, password: c.NEO4J_ANALYST_PASSWORD } }
              : {}),
          },
        }
      : {}),
  };
}

/** The server's options when nothing is set: every default has its one home in the schema above. */
export const DEFAULT_SERVER_OPTIONS: ServerOptions = readConfig({}).server;
export const DEFAULT_LIMITS: Limits = DEFAULT_SERVER_OPTIONS.limits;
