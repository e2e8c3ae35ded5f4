/**
 * The force layout (ForceAtlas2) that refines where nodes start. Small drawings are laid out at
 * once, in a few milliseconds; larger ones in a web worker for a bounded time, so that the page
 * never freezes and the layout never runs on forever.
 */
import type Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';

/** Up to this many nodes, the layout runs on the main thread: it takes a few milliseconds. */
const SYNCHRONOUS_UP_TO = 300;
/** The work allowed on the main thread: iterations × nodes², the cost of one exact iteration. */
const SYNCHRONOUS_WORK = 3e7;

function settingsFor(order: number) {
  return {
    ...forceAtlas2.inferSettings(order),
    // keep nodes from sitting on each other (sizes are the drawn sizes)
    adjustSizes: order <= SYNCHRONOUS_UP_TO,
    barnesHutOptimize: order > 500,
  };
}

/**
 * Stretches a laid-out graph towards the screen's shape: force layouts come out round, screens
 * are wide (or, on phones, tall), and the room beside a node is where its label goes.
 */
export function stretchTo(graph: Graph, aspect: number): void {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  graph.forEachNode((_key, { x, y }) => {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  });
  const width = maxX - minX;
  const height = maxY - minY;
  if (!(width > 0 && height > 0)) return;
  const stretch = Math.min(2.5, Math.max(1 / 2.5, aspect / (width / height)));
  if (Math.abs(stretch - 1) < 0.05) return;
  const [sx, sy] = stretch > 1 ? [stretch, 1] : [1, 1 / stretch];
  graph.updateEachNodeAttributes((_key, attributes) => ({ ...attributes, x: attributes.x * sx, y: attributes.y * sy }));
}

export interface Layout {
  /** Lays the graph out again: now if small, else in a worker for at most `budgetMs`. */
  run(budgetMs: number): void;
  stop(): void;
  isRunning(): boolean;
}

/** `aspect`: the screen's width over its height, when the layout settles; `settled` then follows. */
export function createLayout(graph: Graph, aspect: () => number, settled: () => void): Layout {
  let worker: FA2LayoutSupervisor | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    worker?.kill();
    worker = null;
  };

  return {
    run(budgetMs) {
      stop();
      const order = graph.order;
      if (order < 2) return;
      if (order <= SYNCHRONOUS_UP_TO) {
        const iterations = Math.max(50, Math.min(500, Math.floor(SYNCHRONOUS_WORK / (order * order))));
        forceAtlas2.assign(graph, { iterations, settings: settingsFor(order) });
        stretchTo(graph, aspect());
        return settled();
      }
      worker = new FA2LayoutSupervisor(graph, { settings: settingsFor(order) });
      worker.start();
      timer = setTimeout(() => {
        stop();
        stretchTo(graph, aspect());
        settled();
      }, budgetMs);
    },
    stop,
    isRunning: () => worker !== null,
  };
}
