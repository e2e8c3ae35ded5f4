/**
 * What the explorer's page (main.ts and its views) and its drawing (graphView.ts) agree on: the
 * drawing knows nodes, edges and groups; the page knows GraphQL, the URL and the panels.
 */

/** An entity as drawn: its global id, key, kind (an EntityKind) and name. */
export interface ViewNode {
  id: string;
  key: string;
  kind: string;
  name: string;
}

/** A relationship as drawn, between two drawn nodes' ids; `label` is what the reader sees (labels.ts). */
export interface ViewEdge {
  id: string;
  type: string;
  role: string | null;
  from: string;
  to: string;
  label: string;
  /** The distinct modalities of its evidence (STATED, PLANNED...), for filters. */
  modalities: string[];
}

/**
 * A stand-in for relationships of one type around a hub that are not drawn one by one: "credits
 * (524)". Activating it asks the page to draw them (a page at a time) instead.
 */
export interface ViewGroup {
  /** Unique among groups: `${around}|${type}|${direction}`. */
  id: string;
  around: string;
  type: string;
  direction: 'OUT' | 'IN';
  count: number;
  label: string;
}

export interface GraphViewOptions {
  /** A node was clicked or chosen with the keyboard. */
  onSelect(node: ViewNode): void;
  /** A group was clicked. */
  onOpenGroup(group: ViewGroup): void;
  /** The background was clicked. */
  onBackground(): void;
  /** The most nodes drawn at once; what would go beyond is left out, and counted. */
  maxNodes: number;
}

export interface AddResult {
  /** Nodes and edges newly drawn. */
  added: number;
  /** Nodes not drawn because of maxNodes (and edges left out with them). */
  leftOut: number;
}

export interface GraphView {
  /**
   * Draws what is not drawn yet, within maxNodes (nodes in the order given: put what matters
   * first), then lays it out readably. Edges whose ends are not both drawn are skipped, never an
   * error.
   */
  add(nodes: readonly ViewNode[], edges: readonly ViewEdge[]): AddResult;
  addGroups(groups: readonly ViewGroup[]): void;
  removeGroup(id: string): void;
  /** Removes everything: nodes, edges, groups, selection and highlights. */
  clear(): void;
  /** Marks one node as selected (null: none) and brings it into view. */
  select(id: string | null): void;
  /** Highlights a path (null clears it). */
  highlight(path: { nodes: readonly string[]; edges: readonly string[] } | null): void;
  /** Shows only what the filter keeps (everything stays drawn, hidden or not; null shows all). */
  filter(keep: { node(n: ViewNode): boolean; edge(e: ViewEdge): boolean } | null): void;
  nodes(): ViewNode[];
  edges(): ViewEdge[];
  /** What is drawn and visible, after the filter. */
  visibleCount(): { nodes: number; edges: number };
  fit(): void;
  setTheme(theme: 'light' | 'dark'): void;
  /** The picture as it is on screen (PNG) and as a vector drawing (SVG, shapes and colours per kind as kindStyle.ts). */
  toPng(): Promise<Blob>;
  toSvg(): string;
  /** Times measured by the drawing, for the browser tests and docs/BENCHMARKS.md. */
  timings(): { firstDrawMs: number | null; lastFrameMs: number | null };
  destroy(): void;
}
