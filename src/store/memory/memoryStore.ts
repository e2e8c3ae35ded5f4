/**
 * The embedded store: the case graph in memory, on graphology, built from the same case files
 * that seed Neo4j. It is the default when no Neo4j is configured, so `npm start` answers anywhere.
 */
import graphology from 'graphology';
import type { EntityFilter, EventFilter, OrderDirection } from '../../domain/filters.js';
import { ENTITY_KINDS, type EntityKind, type RelationshipType } from '../../domain/kinds.js';
import { applyEdit } from '../../domain/applyEdit.js';
import type { Change, Edit } from '../../domain/changes.js';
import type { CaseGraph, Entity, Relationship, Source } from '../../domain/model.js';
import { indexByNameWords, namedWith } from '../../domain/nameWords.js';
import type { Draft } from '../../domain/suggestions.js';
import { compareEntities, compareStrings } from '../../domain/ordering.js';
import { parsePartialDate } from '../../domain/partialDate.js';
import { MATCH_TIERS, matchTier, searchFieldsOf, type SearchFields, type SearchHit } from '../../domain/search.js';
import { inTimelineOrder, overlaps } from '../../domain/timeline.js';
import type {
  ConnectedEntity,
  EntityPage,
  GraphStore,
  KindCounts,
  Page,
  RelatedEntity,
  WriteTransaction,
} from '../graphStore.js';
import { rankByDegree } from './byDegree.js';

// graphology ships CommonJS: its classes hang off the default export under Node's ESM loader.
const { MultiDirectedGraph } = graphology;

type CaseMultiGraph = InstanceType<typeof MultiDirectedGraph<Entity, Relationship>>;

const slice = <T>(all: T[], page: Page | null) => (page ? all.slice(page.offset, page.offset + page.limit) : all);

/** The read indexes of a case graph, built aside; throws for a relationship whose end is missing. */
function indexOf(caseGraph: CaseGraph) {
  const graph: CaseMultiGraph = new MultiDirectedGraph<Entity, Relationship>();
  const searchFields = new Map<string, SearchFields>();
  for (const entity of caseGraph.entities) {
    graph.addNode(entity.key, entity);
    searchFields.set(entity.key, searchFieldsOf(entity));
  }
  for (const r of caseGraph.relationships) graph.addDirectedEdgeWithKey(r.key, r.from, r.to, r);
  const entities = [...caseGraph.entities].sort(compareEntities);
  const sortedByKind = new Map<EntityKind, Entity[]>();
  for (const kind of ENTITY_KINDS)
    sortedByKind.set(
      kind,
      entities.filter((e) => e.kind === kind),
    );
  const mentionedIn = new Map<string, Entity[]>();
  for (const source of caseGraph.sources) {
    mentionedIn.set(
      source.key,
      entities.filter((e) => e.mentions.some((m) => m.sourceKey === source.key)),
    );
  }
  return {
    caseGraph,
    graph,
    draftBySource: new Map((caseGraph.drafts ?? []).map((d) => [d.sourceKey, d])),
    searchFields,
    sortedByKind,
    mentionedIn,
    sourceByKey: new Map(caseGraph.sources.map((s) => [s.key, s])),
    eventsInOrder: inTimelineOrder(
      caseGraph.entities.filter((e) => e.kind === 'EVENT'),
      (e) => e,
    ),
    survivorOf: new Map(caseGraph.entities.flatMap((e) => e.formerKeys.map((former) => [former, e.key]))),
  };
}

/** Persists the graph and its audit trail after each commit (the case folders); absent for tests. */
export type Persist = (graph: CaseGraph, changes: readonly Change[]) => void;

export class MemoryStore implements GraphStore {
  readonly name = 'embedded';
  private caseGraph!: CaseGraph;
  private graph!: CaseMultiGraph;
  private sourceByKey!: Map<string, Source>;
  private sortedByKind!: Map<EntityKind, Entity[]>;
  private eventsInOrder!: Entity[];
  private searchFields!: Map<string, SearchFields>;
  private mentionedIn!: Map<string, Entity[]>;
  private survivorOf!: Map<string, string>;
  private draftBySource!: Map<string, Draft>;
  /** Entities by the words of their names, built on the first lookup after the graph changed: ingest's alone. */
  private byNameWord: Map<string, Entity[]> | null = null;
  /** Every entity by degree, ranked on the first mostConnected after the graph changed, not on every write. */
  private byDegree: ConnectedEntity[] | null = null;
  private readonly auditTrail: Change[];
  /** Writes run one after another: each waits for the one before it. */
  private lastWrite: Promise<unknown> = Promise.resolve();

  constructor(
    caseGraph: CaseGraph,
    changes: readonly Change[] = [],
    private readonly persist: Persist | null = null,
  ) {
    this.auditTrail = [...changes];
    this.use(indexOf(caseGraph));
  }

  /** Swaps in indexes built whole by indexOf: readers never see half of one. */
  private use(index: ReturnType<typeof indexOf>): void {
    this.caseGraph = index.caseGraph;
    this.graph = index.graph;
    this.searchFields = index.searchFields;
    this.sortedByKind = index.sortedByKind;
    this.mentionedIn = index.mentionedIn;
    this.sourceByKey = index.sourceByKey;
    this.eventsInOrder = index.eventsInOrder;
    this.survivorOf = index.survivorOf;
    this.draftBySource = index.draftBySource;
    this.byDegree = null;
    this.byNameWord = null;
  }

  async draftsOf(sourceKeys: readonly string[]): Promise<(Draft | null)[]> {
    return sourceKeys.map((key) => this.draftBySource.get(key) ?? null);
  }

  async entitiesNamedWith(words: readonly string[], limit: number): Promise<Entity[]> {
    this.byNameWord ??= indexByNameWords(this.caseGraph.entities);
    return namedWith(this.byNameWord, words)
      .sort((a, b) => compareStrings(a.key, b.key))
      .slice(0, limit);
  }

  async survivorsOf(formerKeys: readonly string[]): Promise<(string | null)[]> {
    return formerKeys.map((key) => this.survivorOf.get(key) ?? null);
  }

  async changes(entityKey: string | null, page: Page): Promise<{ items: Change[]; totalCount: number }> {
    const matching = this.auditTrail.filter((c) => entityKey === null || c.entityKeys.includes(entityKey)).reverse();
    return { items: slice(matching, page), totalCount: matching.length };
  }

  write<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    const run = this.lastWrite.then(() => this.writeNow(work));
    this.lastWrite = run.catch(() => undefined);
    return run;
  }

  /**
   * Reads see the graph as it is. commit() only takes the edit down; once `work` has returned, the
   * next graph is built aside, saved, and swapped in. A throw anywhere before that writes nothing.
   */
  private async writeNow<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    let pending: { edit: Edit; change: Change } | null = null;
    const tx: WriteTransaction = {
      sourcesByKeys: (keys) => this.sourcesByKeys(keys),
      entitiesByKeys: (keys) => this.entitiesByKeys(keys),
      draftsOf: (keys) => this.draftsOf(keys),
      survivorsOf: async (keys) =>
        keys.map((key) => (this.graph.hasNode(key) ? key : (this.survivorOf.get(key) ?? null))),
      relationshipsByKeys: (keys) => this.relationshipsByKeys(keys),
      relationshipsTouching: async (entityKeys) => {
        const found = new Map<string, Relationship>();
        for (const related of await this.relationshipsOf(entityKeys)) {
          for (const { relationship } of related) found.set(relationship.key, relationship);
        }
        return [...found.values()].sort((a, b) => compareStrings(a.key, b.key));
      },
      changeBySeq: async (seq) => this.auditTrail.find((c) => c.seq === seq) ?? null,
      changesAfter: async (seq, entityKeys) =>
        this.auditTrail.filter((c) => c.seq > seq && c.entityKeys.some((key) => entityKeys.includes(key))),
      commit: async (edit) => {
        if (pending) throw new Error('a write commits once');
        const change: Change = { ...edit.change, seq: this.auditTrail.length + 1, at: new Date().toISOString() };
        pending = { edit, change };
        return change;
      },
    };
    const result = await work(tx);
    if (pending) {
      const { edit, change } = pending as { edit: Edit; change: Change };
      const next = applyEdit(this.caseGraph, edit);
      // indexed before it is saved: a graph that cannot stand (a claim whose end is gone) throws
      // here, and neither memory nor the case folders hold it
      const index = indexOf(next);
      this.persist?.(next, [...this.auditTrail, change]);
      this.use(index);
      this.auditTrail.push(change);
    }
    return result;
  }

  async countByKind(): Promise<KindCounts> {
    const counts = {} as KindCounts;
    for (const kind of ENTITY_KINDS) counts[kind] = this.sortedByKind.get(kind)?.length ?? 0;
    return counts;
  }

  private matchesEntityFilter(entity: Entity, filter: EntityFilter): boolean {
    return (
      (!filter.keys || filter.keys.includes(entity.key)) &&
      (!filter.nameContains || (this.searchFields.get(entity.key)?.searchName ?? '').includes(filter.nameContains)) &&
      (!filter.mentionedIn || entity.mentions.some((m) => m.sourceKey === filter.mentionedIn))
    );
  }

  private hasEdge(from: string | null, type: string, to: string | null): boolean {
    if (!from || !to || !this.graph.hasNode(from) || !this.graph.hasNode(to)) return false;
    return this.graph.directedEdges(from, to).some((edge) => this.graph.getEdgeAttributes(edge).type === type);
  }

  private matchesEventFilter(event: Entity, filter: EventFilter): boolean {
    const date = event.date ? parsePartialDate(event.date) : null;
    return (
      (!filter.eventTypes || filter.eventTypes.includes(event.eventType ?? '')) &&
      overlaps(date, { from: filter.from ?? null, to: filter.to ?? null }) &&
      (!filter.involving ||
        this.hasEdge(filter.involving, 'PARTICIPATED_IN', event.key) ||
        this.hasEdge(event.key, 'CONCERNS', filter.involving)) &&
      (!filter.production ||
        (this.graph.hasNode(filter.production) &&
          this.graph.getNodeAttributes(filter.production).kind === 'PRODUCTION' &&
          this.hasEdge(event.key, 'CONCERNS', filter.production)))
    );
  }

  async listEntities(kind: EntityKind, filter: EntityFilter, page: Page): Promise<EntityPage> {
    const all = (this.sortedByKind.get(kind) ?? []).filter((e) => this.matchesEntityFilter(e, filter));
    return { items: slice(all, page), totalCount: all.length };
  }

  async listEvents(filter: EventFilter, order: OrderDirection, page: Page | null): Promise<EntityPage> {
    const matching = this.eventsInOrder.filter((e) => this.matchesEventFilter(e, filter));
    const ordered = order === 'DESC' ? matching.reverse() : matching;
    return { items: slice(ordered, page), totalCount: ordered.length };
  }

  async search(text: string, kinds: readonly EntityKind[] | null, limit: number): Promise<SearchHit[]> {
    const hits: SearchHit[] = [];
    this.graph.forEachNode((key, entity) => {
      if (kinds && !kinds.includes(entity.kind)) return;
      const tier = matchTier(this.searchFields.get(key)!, text);
      if (tier) hits.push({ entity, tier });
    });
    return hits
      .sort((a, b) => MATCH_TIERS.indexOf(a.tier) - MATCH_TIERS.indexOf(b.tier) || compareEntities(a.entity, b.entity))
      .slice(0, limit);
  }

  async mostConnected(kinds: readonly EntityKind[] | null, limit: number): Promise<ConnectedEntity[]> {
    this.byDegree ??= rankByDegree(this.caseGraph);
    const ranked = kinds ? this.byDegree.filter((c) => kinds.includes(c.entity.kind)) : this.byDegree;
    return ranked.slice(0, limit);
  }

  async entitiesByKeys(keys: readonly string[]): Promise<(Entity | null)[]> {
    return keys.map((key) => (this.graph.hasNode(key) ? this.graph.getNodeAttributes(key) : null));
  }

  async relationshipsOf(entityKeys: readonly string[]): Promise<RelatedEntity[][]> {
    return entityKeys.map((key) =>
      this.graph.hasNode(key)
        ? this.graph
            .mapEdges(key, (_edge, relationship, source, _target, sourceAttributes, targetAttributes) => ({
              relationship,
              entity: source === key ? targetAttributes : sourceAttributes,
            }))
            .sort((a, b) => compareStrings(a.relationship.key, b.relationship.key))
        : [],
    );
  }

  async neighbourKeys(keys: readonly string[], types: readonly RelationshipType[] | null): Promise<string[][]> {
    return keys.map((key) => {
      if (!this.graph.hasNode(key)) return [];
      const neighbours = new Set<string>();
      this.graph.forEachEdge(key, (_edge, r, source, target) => {
        if (!types || types.includes(r.type)) neighbours.add(source === key ? target : source);
      });
      return [...neighbours].sort(compareStrings);
    });
  }

  async relationshipsAmong(
    keys: readonly string[],
    types: readonly RelationshipType[] | null,
  ): Promise<Relationship[]> {
    const among = new Set(keys.filter((key) => this.graph.hasNode(key)));
    const found: Relationship[] = [];
    for (const key of among) {
      this.graph.forEachOutEdge(key, (_edge, r, _source, target) => {
        if (among.has(target) && (!types || types.includes(r.type))) found.push(r);
      });
    }
    return found.sort((a, b) => compareStrings(a.key, b.key));
  }

  async relationshipsByKeys(keys: readonly string[]): Promise<(Relationship | null)[]> {
    return keys.map((key) => (this.graph.hasEdge(key) ? this.graph.getEdgeAttributes(key) : null));
  }

  async sources(): Promise<Source[]> {
    return [...this.sourceByKey.values()].sort((a, b) => compareStrings(a.key, b.key));
  }

  async sourcesByKeys(keys: readonly string[]): Promise<(Source | null)[]> {
    return keys.map((key) => this.sourceByKey.get(key) ?? null);
  }

  async entitiesMentionedIn(sourceKeys: readonly string[]): Promise<Entity[][]> {
    return sourceKeys.map((key) => this.mentionedIn.get(key) ?? []);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
