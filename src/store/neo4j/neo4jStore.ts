/**
 * The Neo4j adapter: every query a parameterised file under cypher/, every read a READ transaction
 * that the database itself ends after the store timeout (STORE_TIMEOUT_MS), so a request the API has
 * given up on does not keep running in Neo4j; an outage raises StoreUnavailable (executor.ts).
 * Writes are one write transaction each, under the graph's write lock (neo4jWrites.ts).
 */
import pLimit from 'p-limit';
import neo4j, { type Driver } from 'neo4j-driver';
import { type EntityFilter, type EventFilter, keepsEveryEntity, type OrderDirection } from '../../domain/filters.js';
import { ENTITY_KINDS, RELATIONSHIP_TYPES, type EntityKind, type RelationshipType } from '../../domain/kinds.js';
import type { Change } from '../../domain/changes.js';
import type { Entity, Relationship, Source } from '../../domain/model.js';
import { compareEntities, compareStrings } from '../../domain/ordering.js';
import { MATCH_TIERS, normaliseForSearch, type SearchHit } from '../../domain/search.js';
import type { Draft } from '../../domain/suggestions.js';
import type { EntityProperties, EntityTreePage, EntityTreePlan, EntityTreeRoots } from '../entityTrees.js';
import type {
  ConnectedEntity,
  EntityPage,
  GraphStore,
  KindCounts,
  NeighbourhoodRead,
  NeighbourhoodSelection,
  Page,
  RelatedEntity,
  WriteTransaction,
} from '../graphStore.js';
import { QUERIES, readCypher } from './cypherFiles.js';
import type { CypherAnswer, CypherLimits } from '../cypher.js';
import { classify, Neo4jExecutor } from './executor.js';
import {
  draftsIn,
  ENTITY_PROPERTIES,
  entityFromList,
  entityProperties,
  fromList,
  RELATIONSHIP_PROPERTIES,
  relationshipFromList,
  SOURCE_PROPERTIES,
  toChange,
  toEntity,
  toNumber,
  toSource,
} from './mapping.js';
import { writeNeo4j } from './neo4jWrites.js';
import { entityTreeQuery, toEntityTree } from './entityTreeCypher.js';
import { neighbourhoodQuery } from './neighbourhoodCypher.js';
import { runReadOnlyCypher } from './readOnlyCypher.js';
import { groupedInKeyOrder, inKeyOrder, type Row } from './rows.js';

const SURVIVORS = readCypher('survivors-of');
const CHANGE_PAGE = readCypher('change-page');
/** What list-entities and list-events answer without filters, reading only the page (and the count store). */
const ENTITY_PAGE = readCypher('list-entities-page');
/** What list-entities answers when a name filter is set, finding the names through the text index. */
const ENTITIES_NAMED = readCypher('list-entities-named');
/** How long a mostConnected ranking is kept (see Neo4jStore.rankings), and how much of it is read: the API's largest `first`. */
const RANKING_TTL_MS = 30_000;
const RANKING_KEPT = 100;
const EVENT_PAGE = readCypher('list-events-page');
/** What list-events answers when only a period (and event types) filter it: the timeline. */
const EVENTS_IN_PERIOD = readCypher('list-events-period');
const MOST_CONNECTED = readCypher('most-connected');

/**
 * The read queries list only what the mappings read (mapping.ts), by position, so one that missed
 * or moved a property would quietly answer without it, or with it in the wrong place: checked here,
 * once, when the store loads. So is the list of types that relationships-by-keys.cypher names for
 * its indexes.
 */
function checkReadQueries(): void {
  // `[v.key, v.kind, ...` in exactly the mapping's order, for some variable v
  const listing = (properties: readonly string[], then = '\\]') =>
    new RegExp(
      `\\[(\\w+)\\.${properties[0]}${properties
        .slice(1)
        .map((p) => `,\\s*\\1\\.${p}`)
        .join('')}${then}`,
    );
  const entity = listing(ENTITY_PROPERTIES);
  const relationship = listing(RELATIONSHIP_PROPERTIES, ',\\s*type\\(\\1\\),');
  const source = new RegExp(SOURCE_PROPERTIES.map((p) => `\\.${p}\\b`).join(', '));
  // the reads whose callers may ask for fewer properties (entityProperties)
  const asked = /\[p IN \$properties \| n\[p\]\]/;
  const expected: [string, RegExp[]][] = [
    [QUERIES.listEntities, [asked]],
    [ENTITY_PAGE, [asked]],
    [ENTITIES_NAMED, [asked]],
    [QUERIES.listEvents, [asked]],
    [EVENT_PAGE, [asked]],
    [EVENTS_IN_PERIOD, [asked]],
    [QUERIES.search, [asked]],
    [MOST_CONNECTED, [entity]],
    [QUERIES.entitiesByKeys, [entity]],
    [QUERIES.entitiesMentionedIn, [entity]],
    [QUERIES.entitiesNamedWith, [entity]],
    [QUERIES.relationshipsOf, [entity, relationship]],
    [QUERIES.relationshipsByKeys, [relationship]],
    [QUERIES.relationshipsAmong, [relationship]],
    [QUERIES.sources, [source]],
    [QUERIES.sourcesByKeys, [source]],
  ];
  for (const [query, listings] of expected) {
    const missing = listings.filter((pattern) => !pattern.test(query));
    if (missing.length > 0) throw new Error(`a read query does not list ${missing.join(' and ')}:\n${query}`);
  }
  const unnamed = RELATIONSHIP_TYPES.filter((type) => !new RegExp(`[:|]${type}\\b`).test(QUERIES.relationshipsByKeys));
  if (unnamed.length > 0) throw new Error(`relationships-by-keys.cypher does not name ${unnamed.join(', ')}`);
  // its degrees count typed patterns (a parameter would read every relationship, MENTIONS too)
  const uncounted = RELATIONSHIP_TYPES.filter((type) => !new RegExp(`[:|]${type}\\b`).test(MOST_CONNECTED));
  if (uncounted.length > 0) throw new Error(`most-connected.cypher does not count ${uncounted.join(', ')}`);
}
checkReadQueries();

/** Runs analyst Cypher: in production worker threads (CypherWorkers), by default this store's own driver. */
export interface CypherRunner {
  run(query: string, parameters: Record<string, unknown>, limits: CypherLimits): Promise<CypherAnswer>;
  close(): Promise<void>;
}

export interface Neo4jStoreOptions {
  /** Every read's transaction timeout: STORE_TIMEOUT_MS (5 s by default). */
  timeoutMs?: number;
  cypher?: CypherRunner;
}

const nullIfEmpty = <T>(list: readonly T[] | null | undefined) => (list && list.length > 0 ? list : null);

export class Neo4jStore implements GraphStore {
  readonly name = 'neo4j';

  private readonly executor: Neo4jExecutor;
  private readonly cypher: CypherRunner;

  constructor(
    private readonly driver: Driver,
    database: string,
    options: Neo4jStoreOptions = {},
  ) {
    this.executor = new Neo4jExecutor(driver, database, options.timeoutMs);
    this.cypher = options.cypher ?? {
      run: (query, parameters, limits) => runReadOnlyCypher(this.executor, query, parameters, limits),
      close: async () => undefined,
    };
  }

  private read(query: string, parameters?: Row): Promise<Row[]> {
    return this.executor.read(query, parameters);
  }

  private static entityOf(row: Row): Entity {
    return entityFromList(row.entity);
  }

  async countByKind(): Promise<KindCounts> {
    const counts = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, 0])) as KindCounts;
    for (const row of await this.read(QUERIES.countByKind)) {
      const kind = row.kind as EntityKind;
      if (kind in counts) counts[kind] = toNumber(row.count);
    }
    return counts;
  }

  private static pageOf(rows: Row[], properties: readonly string[]): EntityPage {
    const row = rows[0];
    const items = ((row?.page as unknown[]) ?? []).map((values) => toEntity(fromList(properties, values)));
    return { items, totalCount: toNumber(row?.totalCount ?? 0) };
  }

  async listEntities(
    kind: EntityKind,
    filter: EntityFilter,
    page: Page,
    asked?: EntityProperties,
  ): Promise<EntityPage> {
    const properties = entityProperties(asked);
    const filters = {
      keys: filter.keys ?? null,
      nameContains: filter.nameContains || null,
      mentionedIn: filter.mentionedIn ?? null,
    };
    const offset = neo4j.int(page.offset);
    const limit = neo4j.int(page.limit);
    const query = keepsEveryEntity(filter) ? ENTITY_PAGE : filters.nameContains ? ENTITIES_NAMED : QUERIES.listEntities;
    const rows = await this.read(query, { kind, ...filters, offset, limit, properties });
    return Neo4jStore.pageOf(rows, properties);
  }

  async listEvents(
    filter: EventFilter,
    order: OrderDirection,
    page: Page | null,
    asked?: EntityProperties,
  ): Promise<EntityPage> {
    const properties = entityProperties(asked);
    const filters = {
      // an empty list admits no type, as on the embedded store: only null (no filter) admits all
      eventTypes: filter.eventTypes ?? null,
      from: filter.from ?? null,
      to: filter.to ?? null,
      involving: filter.involving ?? null,
      production: filter.production ?? null,
    };
    const descending = order === 'DESC';
    if (page && Object.values(filters).every((value) => value === null)) {
      const rows = await this.read(EVENT_PAGE, {
        descending,
        offset: neo4j.int(page.offset),
        limit: neo4j.int(page.limit),
        properties,
      });
      return Neo4jStore.pageOf(rows, properties);
    }
    const inPeriod = filters.involving === null && filters.production === null && (filters.from ?? filters.to) !== null;
    const rows = await this.read(inPeriod ? EVENTS_IN_PERIOD : QUERIES.listEvents, {
      ...filters,
      descending,
      offset: neo4j.int(page?.offset ?? 0),
      limit: page ? neo4j.int(page.limit) : null,
      properties,
    });
    return Neo4jStore.pageOf(rows, properties);
  }

  async search(
    text: string,
    kinds: readonly EntityKind[] | null,
    limit: number,
    asked?: EntityProperties,
  ): Promise<SearchHit[]> {
    // normalised names never hold "|" (search.cypher ranks by it), so such a text matches nothing
    if (!text || text.includes('|')) return [];
    const properties = entityProperties(asked);
    const rows = await this.read(QUERIES.search, {
      text,
      kinds: nullIfEmpty(kinds),
      limit: neo4j.int(limit),
      properties,
    });
    return rows.map((row) => ({
      entity: toEntity(fromList(properties, row.entity)),
      tier: MATCH_TIERS[toNumber(row.tier)]!,
    }));
  }

  /**
   * mostConnected reads the degree of every entity of the kinds asked: a scan of the graph, 0.3 to
   * 0.8 s at 100,000 entities. So each kinds filter's ranking is read once and kept for
   * RANKING_TTL_MS, or until a write through this store: a flood of these requests costs one scan
   * per filter and period, not one each. Another instance's writes show within the period.
   */
  private readonly rankings = new Map<string, { until: number; limit: number; ranking: Promise<ConnectedEntity[]> }>();

  async mostConnected(kinds: readonly EntityKind[] | null, limit: number): Promise<ConnectedEntity[]> {
    const asked = nullIfEmpty(kinds);
    const key = asked ? [...new Set(asked)].sort().join(',') : '*';
    let kept = this.rankings.get(key);
    if (!kept || kept.until < Date.now() || kept.limit < limit) {
      const read = Math.max(limit, RANKING_KEPT);
      const ranking = this.read(MOST_CONNECTED, { kinds: asked, limit: neo4j.int(read) }).then((rows) =>
        rows.map((row) => ({ entity: Neo4jStore.entityOf(row), degree: toNumber(row.degree) })),
      );
      kept = { until: Date.now() + RANKING_TTL_MS, limit: read, ranking };
      this.rankings.set(key, kept);
      // a failed read is not kept
      ranking.catch(() => {
        if (this.rankings.get(key)?.ranking === ranking) this.rankings.delete(key);
      });
    }
    return (await kept.ranking).slice(0, limit);
  }

  async entitiesByKeys(keys: readonly string[]): Promise<(Entity | null)[]> {
    const [row] = await this.read(QUERIES.entitiesByKeys, { keys });
    return inKeyOrder(keys, ((row?.entities as unknown[]) ?? []).map(entityFromList), (e) => e.key);
  }

  async relationshipsOf(entityKeys: readonly string[]): Promise<RelatedEntity[][]> {
    // each key once: a repeated one would gather its relationships twice
    const keys = [...new Set(entityKeys)];
    const rows = await this.read(QUERIES.relationshipsOf, { keys, types: RELATIONSHIP_TYPES });
    return groupedInKeyOrder(
      entityKeys,
      rows,
      'entityKey',
      (row): RelatedEntity => ({
        relationship: relationshipFromList(row.relationship),
        entity: Neo4jStore.entityOf(row),
      }),
      (a, b) => compareStrings(a.relationship.key, b.relationship.key),
    );
  }

  async entityTrees(roots: EntityTreeRoots, plan: EntityTreePlan): Promise<EntityTreePage> {
    const rootParameters =
      'keys' in roots
        ? { keys: roots.keys }
        : { kind: roots.kind, offset: neo4j.int(roots.offset), limit: neo4j.int(roots.limit) };
    const { query, parameters } = entityTreeQuery(roots, plan);
    const [row] = await this.read(query, { ...rootParameters, ...parameters });
    const trees = ((row?.trees as unknown[]) ?? []).map((tree) => toEntityTree(tree, plan));
    const totalCount = toNumber(row?.totalCount ?? 0);
    if (!('keys' in roots)) return { trees, totalCount };
    const ordered = inKeyOrder(roots.keys, trees, (tree) => tree.entity.key).filter((tree) => tree !== null);
    return { trees: ordered, totalCount: ordered.length };
  }

  async relationshipsByKeys(keys: readonly string[]): Promise<(Relationship | null)[]> {
    const rows = await this.read(QUERIES.relationshipsByKeys, { keys, types: RELATIONSHIP_TYPES });
    return inKeyOrder(
      keys,
      rows.map((row) => relationshipFromList(row.relationship)),
      (r) => r.key,
    );
  }

  async neighbourKeys(keys: readonly string[], types: readonly RelationshipType[] | null): Promise<string[][]> {
    const rows = await this.read(QUERIES.neighbourKeys, { keys, types: nullIfEmpty(types) ?? RELATIONSHIP_TYPES });
    const byEntity = new Map(
      rows.map((row) => [row.entityKey as string, (row.neighbours as string[]).sort(compareStrings)]),
    );
    return keys.map((key) => byEntity.get(key) ?? []);
  }

  async neighbourhoodOf(
    focusKey: string,
    depth: number,
    types: readonly RelationshipType[] | null,
    limit: number,
    selection?: NeighbourhoodSelection,
  ): Promise<NeighbourhoodRead> {
    const properties = entityProperties(selection?.entity);
    const [row] = await this.read(neighbourhoodQuery(depth), {
      focus: focusKey,
      types: nullIfEmpty(types) ?? RELATIONSHIP_TYPES,
      // Cypher slices lists by 32-bit index (an export asks for no limit at all)
      limit: neo4j.int(Math.min(limit, 2 ** 31 - 1)),
      properties,
      role: selection?.role ?? true,
      evidence: selection?.evidence ?? true,
    });
    return {
      entities: ((row?.entities as unknown[]) ?? []).map((values) => toEntity(fromList(properties, values))),
      relationships: ((row?.relationships as unknown[]) ?? [])
        .map(relationshipFromList)
        .sort((a, b) => compareStrings(a.key, b.key)),
      truncated: row?.truncated === true,
    };
  }

  async relationshipsAmong(
    keys: readonly string[],
    types: readonly RelationshipType[] | null,
  ): Promise<Relationship[]> {
    const [row] = await this.read(QUERIES.relationshipsAmong, {
      keys,
      types: nullIfEmpty(types) ?? RELATIONSHIP_TYPES,
    });
    return ((row?.relationships as unknown[]) ?? [])
      .map(relationshipFromList)
      .sort((a, b) => compareStrings(a.key, b.key));
  }

  async sources(): Promise<Source[]> {
    return (await this.read(QUERIES.sources)).map((row) => toSource(row.properties as Row));
  }

  async sourcesByKeys(keys: readonly string[]): Promise<(Source | null)[]> {
    const rows = await this.read(QUERIES.sourcesByKeys, { keys });
    return inKeyOrder(
      keys,
      rows.map((row) => toSource(row.properties as Row)),
      (s) => s.key,
    );
  }

  async entitiesMentionedIn(sourceKeys: readonly string[]): Promise<Entity[][]> {
    const rows = await this.read(QUERIES.entitiesMentionedIn, { keys: [...new Set(sourceKeys)] });
    return groupedInKeyOrder(sourceKeys, rows, 'sourceKey', Neo4jStore.entityOf, compareEntities);
  }

  async draftsOf(sourceKeys: readonly string[]): Promise<(Draft | null)[]> {
    return draftsIn(sourceKeys, await this.read(QUERIES.draftsOf, { keys: sourceKeys }));
  }

  async entitiesNamedWith(words: readonly string[], limit: number): Promise<Entity[]> {
    const normalised = [...new Set(words.map(normaliseForSearch).filter(Boolean))];
    if (normalised.length === 0) return [];
    const rows = await this.read(QUERIES.entitiesNamedWith, { words: normalised, limit: neo4j.int(limit) });
    return rows.map(Neo4jStore.entityOf);
  }

  async survivorsOf(formerKeys: readonly string[]): Promise<(string | null)[]> {
    const rows = await this.read(SURVIVORS, { keys: formerKeys });
    const survivors = new Map(rows.map((row) => [row.key as string, (row.survivor ?? null) as string | null]));
    return formerKeys.map((key) => survivors.get(key) ?? null);
  }

  async changes(entityKey: string | null, page: Page): Promise<{ items: Change[]; totalCount: number }> {
    const [row] = await this.read(CHANGE_PAGE, {
      entityKey,
      offset: neo4j.int(page.offset),
      limit: neo4j.int(page.limit),
    });
    return { items: ((row?.page as Row[]) ?? []).map(toChange), totalCount: toNumber(row?.totalCount ?? 0) };
  }

  /**
   * This process's writes queue here, one at a time, before they open a transaction: queued in
   * Neo4j instead, each would wait for the graph's write lock inside its transaction, and under
   * load those waits ran out the transaction timeout and met in deadlocks. The lock still orders
   * writes between API instances.
   */
  private readonly writeQueue = pLimit(1);

  write<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    // an outage is StoreUnavailable, as for reads; what `work` throws passes through unchanged
    return this.writeQueue(() =>
      writeNeo4j(this.executor, work)
        .catch((error: unknown) => Promise.reject(classify(error)))
        .finally(() => this.rankings.clear()),
    );
  }

  readOnlyCypher(query: string, parameters: Record<string, unknown>, limits: CypherLimits): Promise<CypherAnswer> {
    // a worker's error arrives as a copy with the driver's code, which classify reads as well
    return this.cypher.run(query, parameters, limits).catch((error: unknown) => Promise.reject(classify(error)));
  }

  async ping(): Promise<void> {
    await this.read(QUERIES.ping);
  }

  async close(): Promise<void> {
    await this.cypher.close();
    await this.driver.close();
  }
}
