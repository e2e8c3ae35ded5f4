/**
 * The response cache (RESPONSE_CACHE_TTL_MS, RESPONSE_CACHE_MAX): a query's answer, kept for the
 * caller who asked, is served again without touching the store until a write touches what it
 * shows, or its TTL runs out. It is @envelop/response-cache (the engine of Yoga's response cache
 * plugin) over a store of our own, whose invalidation follows the event bus:
 *
 * - Keyed per caller: the document, operation and variables, with the caller's token state, scopes
 *   and token name ("anonymous" without one), never the token. Two callers share an answer only
 *   when they are the same token name with the same scopes, or both anonymous.
 * - Only queries: never mutations or subscriptions, never Cypher (an analyst's query may read
 *   anything), never introspection, never an answer with errors.
 * - Every change published on the bus ('graphChanged': this instance's writes at once, before the
 *   mutation answers; other instances' through Redis) drops each answer showing an entity,
 *   relationship or source it touched, and every "collection" answer (responseCacheTags.ts).
 * - A query that was running when a change landed is not kept: it may have read the graph before.
 * - A change the bus lost (a gap in `seq`) or could not read empties the cache.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../domain/ordering.js';
import { type Cache, type CacheEntityRecord, useResponseCache } from '@envelop/response-cache';
import { type DocumentNode, type ExecutionResult, print } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Caller } from '../access/callers.js';
import type { ServerOptions } from '../config.js';
import type { Change } from '../domain/changes.js';
import type { GraphEvents } from '../graphql/events.js';
import type { Metrics } from './observability.js';
import { type Plan, planOf, tagsOfAnswer, tagsOfChange } from './responseCacheTags.js';

interface Entry {
  result: ExecutionResult;
  expires: number;
  /** What it shows; null: a collection, dropped on every write. */
  tags: readonly string[] | null;
}

/** Answers by key, least recently used first, indexed by tag. */
class Answers {
  private readonly entries = new Map<string, Entry>();
  private readonly byTag = new Map<string, Set<string>>();
  private readonly collections = new Set<string>();

  constructor(private readonly max: number) {}

  get(key: string, now: number): ExecutionResult | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expires <= now) {
      this.delete(key);
      return null;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.result;
  }

  set(key: string, entry: Entry): void {
    this.delete(key);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size < this.max) break;
      this.delete(oldest);
    }
    this.entries.set(key, entry);
    if (entry.tags === null) {
      this.collections.add(key);
      return;
    }
    for (const tag of entry.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) {
        keys = new Set();
        this.byTag.set(tag, keys);
      }
      keys.add(key);
    }
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    if (entry.tags === null) this.collections.delete(key);
    else
      for (const tag of entry.tags) {
        const keys = this.byTag.get(tag);
        keys?.delete(key);
        if (keys?.size === 0) this.byTag.delete(tag);
      }
  }

  /** Drops every answer that shows one of `tags`, and every collection. */
  invalidate(tags: Iterable<string>): void {
    for (const key of [...this.collections]) this.delete(key);
    for (const tag of tags) for (const key of [...(this.byTag.get(tag) ?? [])]) this.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.byTag.clear();
    this.collections.clear();
  }
}

/** What the cache reads of a request's context (graphql/context.ts). */
type CacheContext = { caller?: Caller };

/** Who shares answers: the same token state, scopes and token name. Never the token itself. */
const sessionOf = ({ token, scopes, name }: Caller) => JSON.stringify([token, [...scopes].sort(), name ?? 'anonymous']);

/** Yoga parses each distinct document once and keeps it, so printing it once per document is enough. */
const printed = new WeakMap<DocumentNode, string>();
function documentString(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

/** How many recent changes are remembered, so that the bus's echo of a local write is not applied twice. */
const REMEMBERED_CHANGES = 1000;

export interface ResponseCache {
  /** After the auth gate and the limits: only operations that passed them reach execution. */
  plugin: Plugin;
  /** The bus as resolvers get it: a write's publish drops what it touched here before the mutation answers. */
  events: GraphEvents;
}

/** The cache of one server, listening on its bus; null when RESPONSE_CACHE_TTL_MS is 0 (or unset). */
export function responseCache(
  options: Pick<ServerOptions, 'responseCacheTtlMs' | 'responseCacheMax'>,
  events: GraphEvents,
  metrics: Pick<Metrics, 'responseCacheHits' | 'responseCacheMisses'>,
): ResponseCache | null {
  const ttl = options.responseCacheTtlMs ?? 0;
  if (ttl <= 0) return null;
  const answers = new Answers(options.responseCacheMax ?? 1000);
  /** The plan of each execution that may be cached, by its context, with the generation it began in. */
  const plans = new WeakMap<object, Plan & { generation: number }>();
  /** Counts the changes applied: an execution that began in an earlier generation is not kept. */
  let generation = 0;
  /** The plan of the answer about to be stored: onTtl hands it to cache.set, which follows at once. */
  let storing: Plan | null = null;
  const applied = new Set<string>();
  let highestSeq: number | null = null;

  const apply = (change: Change) => {
    try {
      const id = `${change.seq}|${change.at}`;
      if (applied.has(id)) return;
      applied.add(id);
      for (const old of applied) {
        if (applied.size <= REMEMBERED_CHANGES) break;
        applied.delete(old);
      }
      generation += 1;
      // seq has no gaps: a jump means the bus dropped a change (or delivered one late)
      const gap = highestSeq !== null && change.seq > highestSeq + 1;
      highestSeq = Math.max(highestSeq ?? change.seq, change.seq);
      if (gap) answers.clear();
      else answers.invalidate(tagsOfChange(change));
    } catch {
      generation += 1;
      // a change we cannot read: forget everything rather than serve what it may have changed
      answers.clear();
    }
  };

  const changes = events.subscribe('graphChanged');
  void (async () => {
    for await (const change of changes) apply(change);
  })();

  const cache: Cache = {
    get(key) {
      const result = answers.get(key, Date.now());
      (result ? metrics.responseCacheHits : metrics.responseCacheMisses).inc();
      // a copy: whatever a later plugin sets on the answer stays out of the cache
      return result && { ...result };
    },
    set(key, result, shown, ttlMs) {
      const plan = storing;
      storing = null;
      const tags = plan ? tagsOfAnswer(plan, shown as Iterable<CacheEntityRecord>) : null;
      answers.set(key, { result, expires: Date.now() + ttlMs, tags });
    },
    // only mutations' own invalidation calls this, which is off: the bus says what changed
    invalidate() {
      answers.clear();
    },
  };

  const engine = useResponseCache<CacheContext>({
    cache,
    ttl,
    session: ({ caller }) => (caller ? sessionOf(caller) : null),
    enabled: (context) => plans.has(context),
    invalidateViaMutation: false,
    includeExtensionMetadata: false,
    ttlPerSchemaCoordinate: { 'Query.cypher': 0 },
    getDocumentString: ({ document }) => documentString(document),
    buildResponseCacheKey: ({ documentString: text, operationName, variableValues, sessionId }) =>
      createHash('sha256')
        .update(JSON.stringify([text, operationName ?? null, canonicalJson(variableValues ?? {}), sessionId ?? null]))
        .digest('base64url'),
    shouldCacheResult: ({ result }) => !result.errors?.length,
    onTtl: ({ ttl: given, context }) => {
      const plan = plans.get(context);
      storing = plan && plan.generation === generation ? plan : null;
      return storing ? given : 0;
    },
  });

  const plugin: Plugin = {
    // the engine goes right after this plugin, so the plan below is made before it asks `enabled`
    onPluginInit({ addPlugin }) {
      addPlugin(engine as Plugin);
    },
    onExecute({ args }) {
      const context = args.contextValue as CacheContext;
      if (!context.caller?.scopes.has('read')) return;
      const plan = planOf(args.schema, args.document, args.operationName, args.variableValues);
      if (plan) plans.set(context, { ...plan, generation });
    },
    onDispose() {
      void changes.return();
    },
  };

  const publish: GraphEvents['publish'] = (topic, ...change) => {
    apply(change[0]);
    events.publish(topic, ...change);
  };
  return { plugin, events: { publish, subscribe: events.subscribe } };
}
