/**
 * The drawing: sigma.js (WebGL) over a graphology graph, behind the GraphView of graphTypes.ts.
 * Nodes and edges are added, never redrawn from scratch. Filters, the selection and a highlighted
 * path change how items look, not what is drawn: they set sigma's item states (isHidden,
 * isHighlighted, and this file's isOnPath and isFaded), which the styles of graphStyles.ts read.
 * (Sigma 4's states replace its reducers: a reducer makes sigma restyle every item whenever the
 * pointer hovers a node, which at 10,000 nodes costs a tenth of a second per hover.)
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import { toPng, toSvg } from './graphExport.js';
import { createLayout, stretchTo } from './graphLayout.js';
import { placeNewNodes } from './graphPlacement.js';
import { PRIMITIVES } from './graphShapes.js';
import {
  CUSTOM_EDGE_STATE,
  CUSTOM_NODE_STATE,
  type EdgeAttributes,
  type NodeAttributes,
  STYLES,
} from './graphStyles.js';
import {
  edgesThinned,
  GROUP_SIZE,
  kindColour,
  LARGE_DRAWING,
  nodeSize,
  PALETTES,
  type Palette,
  sigmaShape,
  sizeScale,
} from './graphTheme.js';
import type { AddResult, GraphView, GraphViewOptions, ViewEdge, ViewNode } from './graphTypes.js';

const groupKey = (id: string) => `group:${id}`;
const groupEdgeKey = (id: string) => `group-edge:${id}`;

/** How long a worker may lay out a large drawing: longer for more nodes, never past 4 s. */
const layoutBudgetMs = (order: number) => Math.min(4000, 800 + order * 0.35);

export function createGraphView(container: HTMLElement, options: GraphViewOptions): GraphView {
  const graph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'directed', multi: true, allowSelfLoops: true });
  let palette: Palette = PALETTES.light;
  let selected: string | null = null;
  let path: { nodes: Set<string>; edges: Set<string> } | null = null;
  let keep: Parameters<GraphView['filter']>[0] = null;
  const hiddenNodes = new Set<string>();
  const hiddenEdges = new Set<string>();
  /** Follows the number of nodes drawn: see sizeScale. */
  let scale = 1;
  let groups = 0;
  /** Edges left out while a large drawing is seen from afar: see edgesThinned. */
  let thinned = false;

  const renderer = new Sigma(graph, container, {
    primitives: PRIMITIVES,
    styles: STYLES,
    customNodeState: CUSTOM_NODE_STATE,
    customEdgeState: CUSTOM_EDGE_STATE,
    settings: {
      // sizes in screen pixels at the default zoom, whatever the layout's scale
      itemSizesReference: 'screen',
      // edge labels where both ends' labels show (zoomed in), and around the selected node
      renderEdgeLabels: true,
      // node labels where they fit: one per grid cell, the bigger nodes first; all of them zoomed in
      labelDensity: 0.8,
      labelGridCellSize: 80,
      labelRenderedSizeThreshold: 2.5,
      stagePadding: 40,
      enableCameraRotation: false,
    },
  });
  const camera = renderer.getCamera();

  // timings: the first frame after an add, and each frame's own cost
  let addStartedAt: number | null = null;
  let firstDrawMs: number | null = null;
  let lastFrameMs: number | null = null;
  let frameStartedAt = 0;
  renderer.on('beforeRender', () => {
    frameStartedAt = performance.now();
  });
  renderer.on('afterRender', () => {
    const now = performance.now();
    lastFrameMs = now - frameStartedAt;
    if (addStartedAt !== null && graph.order > 0) {
      firstDrawMs = now - addStartedAt;
      addStartedAt = null;
    }
  });

  renderer.on('clickNode', ({ node }) => {
    const attributes = graph.getNodeAttributes(node);
    if (attributes.group) options.onOpenGroup(attributes.group);
    else if (attributes.node) options.onSelect(attributes.node);
  });
  renderer.on('clickStage', () => options.onBackground());

  // the container's size now (sigma reads it again only at its next frame)
  const aspect = () => {
    const { clientWidth: width, clientHeight: height } = container;
    return width > 0 && height > 0 ? width / height : 1;
  };
  const layout = createLayout(
    graph,
    aspect,
    // a full refresh once the positions are final: sigma's partial updates have left stale
    // picking (clicks missing a node drawn elsewhere) after a layout
    () => renderer.scheduleRefresh(),
  );

  /** The theme's colours live on the items (attributes), so that styles stay static and cheap. */
  const themed = (attributes: NodeAttributes): NodeAttributes => ({
    ...attributes,
    labelColor: palette.label,
    backdropColor: palette.background,
    ...(attributes.group ? { color: palette.group } : {}),
  });
  const themedEdge = (attributes: EdgeAttributes): EdgeAttributes => ({
    ...attributes,
    color: palette.edge,
    labelColor: palette.edgeLabel,
    labelBackgroundColor: palette.labelBackground,
  });

  /** Sizes follow degrees and, for a large drawing, how many nodes share the screen. */
  const resize = (keys: Iterable<string>) => {
    for (const key of keys) {
      const attributes = graph.getNodeAttributes(key);
      const size = (attributes.group ? GROUP_SIZE : nodeSize(graph.degree(key))) * scale;
      if (size !== attributes.size) graph.setNodeAttribute(key, 'size', size);
    }
  };
  const rescale = (): boolean => {
    const next = sizeScale(graph.order);
    if (next === scale) return false;
    scale = next;
    graph.updateEachNodeAttributes((key, attributes) => ({
      ...attributes,
      size: (attributes.group ? GROUP_SIZE : nodeSize(graph.degree(key))) * scale,
    }));
    return true;
  };
  const levelOfDetail = () => {
    // sigma's own: no edges or labels while the camera moves over a large drawing
    const large = graph.order > LARGE_DRAWING;
    if (large !== renderer.getSetting('hideEdgesOnMove'))
      renderer.setSettings({ hideEdgesOnMove: large, hideLabelsOnMove: large });
    // a small drawing on a wide screen fits with its labels (none cut off at the edge); a large
    // one by positions, which costs nothing per frame; on a phone, labels as long as the screen
    // is wide would shrink the drawing to nothing
    const fitContent = graph.order <= 500 && container.clientWidth >= 600 ? 'labels' : 'positions';
    if (fitContent !== renderer.getSetting('autoRescaleContent')) renderer.setSetting('autoRescaleContent', fitContent);
    const thin = edgesThinned(graph.order, camera.ratio);
    if (thin === thinned) return;
    thinned = thin;
    renderer.setEdgesState(graph.edges(), { isThinned: thin });
  };
  camera.on('updated', levelOfDetail);

  const isHidden = (key: string): boolean => {
    const attributes = graph.getNodeAttributes(key);
    if (attributes.node) return keep !== null && !keep.node(attributes.node);
    // a group shows with its hub
    return (
      attributes.group !== undefined && graph.hasNode(attributes.group.around) && isHidden(attributes.group.around)
    );
  };
  /** Works out what the filter hides among these items, and tells sigma what changed. */
  const applyFilter = (nodes: Iterable<string>, edges: Iterable<string>) => {
    const changedNodes: string[] = [];
    for (const key of nodes) {
      const hidden = isHidden(key);
      if (hidden === hiddenNodes.has(key)) continue;
      if (hidden) hiddenNodes.add(key);
      else hiddenNodes.delete(key);
      changedNodes.push(key);
    }
    const changedEdges: string[] = [];
    for (const key of edges) {
      const edge = graph.getEdgeAttribute(key, 'edge');
      const [source, target] = graph.extremities(key);
      const hidden =
        hiddenNodes.has(source) || hiddenNodes.has(target) || (keep !== null && edge !== undefined && !keep.edge(edge));
      if (hidden === hiddenEdges.has(key)) continue;
      if (hidden) hiddenEdges.add(key);
      else hiddenEdges.delete(key);
      changedEdges.push(key);
    }
    setStates(
      changedNodes,
      changedEdges,
      (key) => ({ isHidden: hiddenNodes.has(key) }),
      (key) => ({
        isHidden: hiddenEdges.has(key),
      }),
    );
  };
  function setStates(
    nodes: string[],
    edges: string[],
    nodeState: (key: string) => Record<string, boolean>,
    edgeState: (key: string) => Record<string, boolean>,
  ): void {
    for (const key of nodes) if (graph.hasNode(key)) renderer.setNodeState(key, nodeState(key));
    for (const key of edges) if (graph.hasEdge(key)) renderer.setEdgeState(key, edgeState(key));
  }

  const placed = {
    position: (id: string) => (graph.hasNode(id) ? graph.getNodeAttributes(id) : undefined),
    degree: (id: string) => (graph.hasNode(id) ? graph.degree(id) : 0),
  };

  /** Path and fading: on a new path, or on items added while one is shown. */
  const applyPath = (nodes: Iterable<string>, edges: Iterable<string>) => {
    setStates(
      [...nodes],
      [...edges],
      (key) => ({ isOnPath: path?.nodes.has(key) ?? false, isFaded: path !== null && !path.nodes.has(key) }),
      (key) => ({ isOnPath: path?.edges.has(key) ?? false, isFaded: path !== null && !path.edges.has(key) }),
    );
  };

  const view: GraphView = {
    add(nodes, edges): AddResult {
      const startedAt = performance.now();
      const fresh: ViewNode[] = [];
      const freshIds = new Set<string>();
      let room = options.maxNodes - (graph.order - groups);
      let leftOut = 0;
      for (const node of nodes) {
        if (graph.hasNode(node.id) || freshIds.has(node.id)) continue;
        if (room <= 0) {
          leftOut += 1;
          continue;
        }
        fresh.push(node);
        freshIds.add(node.id);
        room -= 1;
      }
      const drawn = (id: string) => freshIds.has(id) || (graph.hasNode(id) && !graph.getNodeAttribute(id, 'group'));
      const freshEdges: ViewEdge[] = [];
      const freshEdgeIds = new Set<string>();
      for (const edge of edges) {
        if (graph.hasEdge(edge.id) || freshEdgeIds.has(edge.id) || !drawn(edge.from) || !drawn(edge.to)) continue;
        freshEdges.push(edge);
        freshEdgeIds.add(edge.id);
      }
      if (fresh.length === 0 && freshEdges.length === 0) return { added: 0, leftOut };

      const positions = placeNewNodes(
        fresh.map((n) => n.id),
        freshEdges.map((e) => [e.from, e.to] as const),
        placed,
      );
      for (const node of fresh) {
        const { x, y } = positions.get(node.id)!;
        graph.addNode(
          node.id,
          themed({
            x,
            y,
            size: nodeSize(0) * scale,
            label: node.name,
            color: kindColour(node.kind),
            shape: sigmaShape(node.kind),
            kind: node.kind,
            node,
          }),
        );
      }
      const touched = new Set<string>(freshIds);
      for (const edge of freshEdges) {
        graph.addDirectedEdgeWithKey(edge.id, edge.from, edge.to, themedEdge({ label: edge.label, edge }));
        touched.add(edge.from);
        touched.add(edge.to);
      }
      if (!rescale()) resize(touched);
      if (keep) applyFilter(freshIds, freshEdgeIds);
      if (path) applyPath(freshIds, freshEdgeIds);
      if (thinned) renderer.setEdgesState([...freshEdgeIds], { isThinned: true });
      levelOfDetail();

      addStartedAt = startedAt;
      layout.run(layoutBudgetMs(graph.order));
      return { added: fresh.length + freshEdges.length, leftOut };
    },

    addGroups(list) {
      let added = 0;
      for (const group of list) {
        const key = groupKey(group.id);
        if (graph.hasNode(key) || !graph.hasNode(group.around)) continue;
        const [position] = placeNewNodes([key], [[key, group.around]], placed).values();
        graph.addNode(
          key,
          themed({
            ...position!,
            size: GROUP_SIZE * scale,
            label: group.label,
            color: palette.group,
            shape: 'square',
            kind: 'GROUP',
            group,
          }),
        );
        const [from, to] = group.direction === 'OUT' ? [group.around, key] : [key, group.around];
        graph.addDirectedEdgeWithKey(groupEdgeKey(group.id), from, to, themedEdge({ label: '' }));
        if (keep) applyFilter([key], [groupEdgeKey(group.id)]);
        if (path) applyPath([key], [groupEdgeKey(group.id)]);
        groups += 1;
        added += 1;
      }
      if (added > 0) layout.run(layoutBudgetMs(graph.order));
    },

    removeGroup(id) {
      const key = groupKey(id);
      if (!graph.hasNode(key)) return;
      graph.dropNode(key);
      groups -= 1;
      hiddenNodes.delete(key);
      hiddenEdges.delete(groupEdgeKey(id));
    },

    clear() {
      layout.stop();
      graph.clear();
      groups = 0;
      scale = 1;
      selected = null;
      path = null;
      hiddenNodes.clear();
      hiddenEdges.clear();
      camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      levelOfDetail();
    },

    select(id) {
      const before = selected;
      selected = id !== null && graph.hasNode(id) ? id : null;
      // isHighlighted: sigma also labels a highlighted node's edges, wherever the camera is
      const mark = (key: string | null, on: boolean) => {
        if (key === null || !graph.hasNode(key)) return;
        renderer.setNodeState(key, { isHighlighted: on });
        for (const edge of graph.edges(key)) renderer.setEdgeState(edge, { isHighlighted: on });
      };
      mark(before, false);
      mark(selected, true);
      if (selected) bringIntoView(selected);
    },

    highlight(next) {
      const before = path;
      path = next ? { nodes: new Set(next.nodes), edges: new Set(next.edges) } : null;
      if (before === null && path === null) return;
      applyPath(graph.nodes(), graph.edges());
    },

    filter(next) {
      keep = next;
      applyFilter(graph.nodes(), graph.edges());
    },

    nodes: () => graph.mapNodes((_key, attributes) => attributes.node).filter((n): n is ViewNode => n !== undefined),
    edges: () => graph.mapEdges((_key, attributes) => attributes.edge).filter((e): e is ViewEdge => e !== undefined),

    visibleCount() {
      let nodes = 0;
      let edges = 0;
      graph.forEachNode((key, attributes) => {
        if (attributes.node && !hiddenNodes.has(key)) nodes += 1;
      });
      graph.forEachEdge((key, attributes) => {
        if (attributes.edge && !hiddenEdges.has(key)) edges += 1;
      });
      return { nodes, edges };
    },

    fit() {
      // the screen may have turned (a phone) or been resized since the layout: follow its shape
      if (!layout.isRunning()) stretchTo(graph, aspect());
      levelOfDetail();
      camera.animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 300 });
    },

    setTheme(theme) {
      palette = PALETTES[theme];
      container.style.background = palette.background;
      // 'zIndex' among the hints makes sigma re-index rather than repaint in place, which throws
      // for items added in this same frame (nodes get no hints at all, for the same reason)
      graph.updateEachNodeAttributes((_key, attributes) => themed(attributes));
      graph.updateEachEdgeAttributes((_key, attributes) => themedEdge(attributes), {
        attributes: ['color', 'labelColor', 'labelBackgroundColor', 'zIndex' as keyof EdgeAttributes],
      });
    },

    toPng: () => toPng(renderer, palette.background),
    toSvg: () =>
      toSvg(renderer, graph, palette, {
        node: (key) => !hiddenNodes.has(key),
        edge: (key) => {
          if (hiddenEdges.has(key)) return false;
          if (!thinned) return true;
          const state = renderer.getEdgeState(key);
          return state.isHighlighted || state.isOnPath;
        },
      }),
    timings: () => ({ firstDrawMs, lastFrameMs }),

    destroy() {
      layout.stop();
      renderer.kill();
      graph.clear();
    },
  };

  /** Moves the camera to a node that is off screen; one on screen stays where the reader saw it. */
  function bringIntoView(key: string): void {
    const { x, y } = renderer.graphToViewport(graph.getNodeAttributes(key));
    const { width, height } = renderer.getDimensions();
    const margin = 40;
    if (x >= margin && y >= margin && x <= width - margin && y <= height - margin) return;
    const data = renderer.getNodeDisplayData(key);
    if (data) camera.animate({ x: data.x, y: data.y }, { duration: 300 });
  }

  view.setTheme('light');
  return view;
}
