/**
 * The embedded store: the case graph in memory, on graphology, built from the same case files
 * that seed Neo4j. It is the default when no Neo4j is configured, so `npm start` answers anywhere.
 */
import graphology from 'graphology';
import { ENTITY_KINDS, type EntityKind } from '../../domain/kinds.js';
import type { CaseGraph, Entity, Relationship, Source } from '../../domain/model.js';
import { compareEntities, compareRelationships, compareStrings } from '../../domain/ordering.js';
import type { EntityPage, GraphStore, KindCounts, Page } from '../graphStore.js';

// graphology ships CommonJS: its classes hang off the default export under Node's ESM loader.
const { MultiDirectedGraph } = graphology;

type CaseMultiGraph = InstanceType<typeof MultiDirectedGraph<Entity, Relationship>>;

export class MemoryStore implements GraphStore {
  readonly name = 'embedded';
  private readonly graph: CaseMultiGraph = new MultiDirectedGraph<Entity, Relationship>();
  private readonly sourceByKey = new Map<string, Source>();
  private readonly sortedByKind = new Map<EntityKind, Entity[]>();
  private readonly mentionedIn = new Map<string, Entity[]>();

  constructor(caseGraph: CaseGraph) {
    for (const source of caseGraph.sources) this.sourceByKey.set(source.key, source);
    for (const entity of caseGraph.entities) this.graph.addNode(entity.key, entity);
    for (const r of caseGraph.relationships) this.graph.addDirectedEdgeWithKey(r.key, r.from, r.to, r);

    const entities = [...caseGraph.entities].sort(compareEntities);
    for (const kind of ENTITY_KINDS) this.sortedByKind.set(kind, entities.filter((e) => e.kind === kind));
    for (const source of caseGraph.sources) {
      this.mentionedIn.set(source.key, entities.filter((e) => e.mentions.some((m) => m.sourceKey === source.key)));
    }
  }

  async countByKind(): Promise<KindCounts> {
    const counts = {} as KindCounts;
    for (const kind of ENTITY_KINDS) counts[kind] = this.sortedByKind.get(kind)?.length ?? 0;
    return counts;
  }

  async listEntities(kind: EntityKind, page: Page): Promise<EntityPage> {
    const all = this.sortedByKind.get(kind) ?? [];
    return { items: all.slice(page.offset, page.offset + page.limit), totalCount: all.length };
  }

  async entitiesByKeys(keys: readonly string[]): Promise<(Entity | null)[]> {
    return keys.map((key) => (this.graph.hasNode(key) ? this.graph.getNodeAttributes(key) : null));
  }

  async relationshipsOf(entityKeys: readonly string[]): Promise<Relationship[][]> {
    return entityKeys.map((key) =>
      this.graph.hasNode(key)
        ? this.graph.mapEdges(key, (_edge, attributes) => attributes).sort(compareRelationships)
        : [],
    );
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
