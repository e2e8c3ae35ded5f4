/// <reference lib="dom" />
/**
 * The explorer's drawing (web/src/graphView.ts: sigma.js over graphology) at scale, in a real
 * browser (Debian's Chromium, driven by playwright-core, WebGL in software): the Rust case (18
 * entities) laid out readably, synthetic cases of 2,000 and 10,000 entities drawn within maxNodes,
 * a hub's group clickable, and a drawing of 10,000 that stays responsive. The GraphView is driven
 * directly, through a page of its own (bundled here with esbuild), so that this test does not
 * depend on the page shell around it. Screenshots and the measured figures go to
 * test-output/explorer-scale/ (docs/BENCHMARKS.md, "The explorer at scale", quotes them).
 * Without Chromium the test is skipped loudly, and under CI=true it fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCase } from '../../scripts/bench/synthetic.js';
import { relationshipLabel } from '../../src/domain/labels.js';
import type { CaseGraph } from '../../src/domain/model.js';
import { DEFAULT_SERVER_OPTIONS } from '../../src/config.js';
import { createServer } from '../../src/http/createServer.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { MemoryStore } from '../../src/store/memory/memoryStore.js';
import type { GraphView, ViewEdge, ViewGroup, ViewNode } from '../../web/src/graphTypes.js';
import { chromiumFor, keepOnHost, launchChromium, watchForErrors } from '../support/browser.js';
import { rustCase } from '../support/stores.js';

const OUTPUT = join(PROJECT_ROOT, 'test-output', 'explorer-scale');
const haveChromium = chromiumFor('the explorer scale test');

/** What the test page leaves on window: the view, and what it told the page. */
interface ScalePage {
  view: GraphView;
  events: { type: 'select' | 'group' | 'background'; id?: string }[];
  /** A GraphQL answer (entities and relationships) as the view's nodes and edges. */
  toView(answer: GraphQLSubgraph): { nodes: ViewNode[]; edges: ViewEdge[] };
  gql<T>(caseName: string, query: string): Promise<T>;
}
interface GraphQLSubgraph {
  nodes: { id: string; key: string; kind: string; name: string }[];
  edges: {
    id: string;
    type: string;
    role: string | null;
    from: { id: string };
    to: { id: string };
    modalities: string[];
  }[];
}
declare global {
  interface Window {
    scale: ScalePage;
  }
}

/** The test page's script: a GraphView filling the window, its callbacks recorded. */
const ENTRY = `
import { createGraphView } from './web/src/graphView.ts';
import { relationshipLabel } from '@case-graph/domain/labels.js';
const events = [];
const max = Number(new URLSearchParams(location.search).get('max') ?? 10000);
const view = createGraphView(document.getElementById('graph'), {
  maxNodes: max,
  onSelect: (node) => events.push({ type: 'select', id: node.id }),
  onOpenGroup: (group) => events.push({ type: 'group', id: group.id }),
  onBackground: () => events.push({ type: 'background' }),
});
const toView = (answer) => ({
  nodes: answer.nodes.map(({ id, key, kind, name }) => ({ id, key, kind, name })),
  edges: answer.edges.map((e) => ({ id: e.id, type: e.type, role: e.role, from: e.from.id, to: e.to.id,
    label: relationshipLabel(e.type, e.role), modalities: e.modalities })),
});
const gql = (caseName, query) => fetch('/' + caseName + '/graphql', {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }),
}).then((r) => r.json()).then((r) => { if (r.errors) throw new Error(JSON.stringify(r.errors)); return r.data; });
window.scale = { view, events, toView, gql };
document.body.dataset.ready = 'true';
`;
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>GraphView at scale</title>
<style>html,body{margin:0;height:100%;overflow:hidden}#graph{position:absolute;inset:0}</style></head>
<body><div id="graph"></div><script type="module" src="/scale/view.js"></script></body></html>`;

/** A case's entities and relationships as the view's nodes and edges, as the page would build them. */
function viewOf(graph: CaseGraph): { nodes: ViewNode[]; edges: ViewEdge[] } {
  return {
    nodes: graph.entities.map((e) => ({ id: e.key, key: e.key, kind: e.kind, name: e.name })),
    edges: graph.relationships.map((r) => ({
      id: r.key,
      type: r.type,
      role: r.role,
      from: r.from,
      to: r.to,
      label: relationshipLabel(r.type, r.role),
      modalities: [...new Set(r.evidence.map((e) => e.modality))],
    })),
  };
}

/** While the reader pans and zooms: sigma's own render time (median, max), and the time between two frames as shown (median, max: in software GL mostly the GPU's). */
interface PanZoom {
  frameMs: number;
  frameMaxMs: number;
  frameIntervalMs: number;
  frameIntervalMaxMs: number;
}
interface Figures extends PanZoom {
  nodes: number;
  edges: number;
  /** From add() to the end of the first frame that shows it. */
  firstDrawMs: number;
  /** 10,000: how long add() itself blocks, and the longest wait between two frames after it. */
  addMs?: number;
  longestFrameGapMs?: number;
  longestTaskMs?: number;
}

describe.runIf(haveChromium)('the explorer’s drawing at scale, in Chromium', () => {
  let http: Server;
  let browser: Browser;
  let page: Page;
  let base: string;
  let problems: string[] = [];
  const figures: Record<string, Figures> = {};
  const cases: Record<string, CaseGraph> = {};

  beforeAll(async () => {
    const bundle = await build({
      stdin: { contents: ENTRY, resolveDir: PROJECT_ROOT, loader: 'ts', sourcefile: 'scale-entry.ts' },
      tsconfig: join(PROJECT_ROOT, 'web', 'tsconfig.json'),
      bundle: true,
      format: 'esm',
      target: 'es2020',
      write: false,
      logLevel: 'silent',
    });
    const script = bundle.outputFiles[0]!.contents;

    cases.rust = rustCase();
    cases.s2000 = syntheticCase(2000);
    cases.s10000 = syntheticCase(10_000);
    const servers = Object.fromEntries(
      Object.entries(cases).map(([name, graph]) => [
        name,
        createServer(new MemoryStore(graph), DEFAULT_SERVER_OPTIONS),
      ]),
    );
    http = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', 'http://test');
      if (url.pathname === '/scale/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
        return;
      }
      if (url.pathname === '/scale/view.js') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
        return;
      }
      const [, caseName, rest] = /^\/(\w+)(\/graphql.*)$/.exec(req.url ?? '') ?? [];
      const server = caseName ? servers[caseName] : undefined;
      if (!server) {
        res.writeHead(404).end();
        return;
      }
      req.url = rest;
      server(req, res);
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    // WebGL 2 in software (SwiftShader): what a machine without a GPU gets, and the bounds below assume
    browser = await launchChromium({ softwareWebGL: true });
    mkdirSync(OUTPUT, { recursive: true });
  });

  afterEach(async () => {
    await page?.close();
    expect(problems, 'console errors or page errors').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    if (http) await new Promise((resolve) => http.close(resolve));
    if (figures.rust && figures.s2000 && figures.s10000) {
      writeFileSync(
        join(OUTPUT, 'figures.json'),
        `${JSON.stringify(
          {
            machine: `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), headless Chromium with software GL (SwiftShader)`,
            command: 'npx vitest run tests/e2e/explorerScale.test.ts',
            figures,
          },
          null,
          2,
        )}\n`,
      );
    }
  });

  async function open(viewport: { width: number; height: number }, maxNodes = 10_000): Promise<void> {
    problems = [];
    page = await browser.newPage({ viewport });
    watchForErrors(page, (kind, text) => problems.push(`${kind}: ${text}`));
    // nothing may load from anywhere but the test server
    await keepOnHost(page, base, (url) => problems.push(`request outside the test server: ${url}`));
    await page.goto(`${base}/scale/?max=${maxNodes}`);
    await page.waitForSelector('body[data-ready="true"]');
  }

  /** Adds in the page, and waits for the first frame after it: the view's own timings. */
  async function add(nodes: ViewNode[], edges: ViewEdge[]) {
    const result = await page.evaluate(({ nodes, edges }) => window.scale.view.add(nodes, edges), { nodes, edges });
    await page
      .waitForFunction(() => window.scale.view.timings().firstDrawMs !== null, undefined, { timeout: 15_000 })
      .catch((error: Error) => {
        throw new Error(`no frame after add: ${error.message}\n${problems.join('\n')}`);
      });
    return result;
  }

  /** Waits for the layout to settle: positions stop changing between two looks. */
  async function settled(): Promise<void> {
    let before = '';
    for (let i = 0; i < 40; i++) {
      await page.waitForTimeout(250);
      const now = await page.evaluate(() => {
        const svg = window.scale.view.toSvg();
        return svg.length > 200_000 ? svg.slice(0, 200_000) : svg;
      });
      if (now === before) return;
      before = now;
    }
  }

  /** The SVG export, parsed in the page: its shapes (one per visible node) and where they are. */
  const svgShapes = () =>
    page.evaluate(() => {
      const doc = new DOMParser().parseFromString(window.scale.view.toSvg(), 'image/svg+xml');
      if (doc.querySelector('parsererror')) throw new Error('the SVG does not parse');
      const centre = (el: Element) => {
        if (el.tagName === 'circle') return { x: Number(el.getAttribute('cx')), y: Number(el.getAttribute('cy')) };
        if (el.tagName === 'rect')
          return {
            x: Number(el.getAttribute('x')) + Number(el.getAttribute('width')) / 2,
            y: Number(el.getAttribute('y')) + Number(el.getAttribute('height')) / 2,
          };
        const points = (el.getAttribute('points') ?? '').split(' ').map((p) => p.split(',').map(Number));
        return {
          x: points.reduce((s, p) => s + p[0]!, 0) / points.length,
          y: points.reduce((s, p) => s + p[1]!, 0) / points.length,
        };
      };
      return {
        nodes: [...doc.querySelectorAll('.node')].map((el) => ({
          id: el.getAttribute('data-id'),
          tag: el.tagName,
          fill: el.getAttribute('fill'),
          ...centre(el),
        })),
        groups: [...doc.querySelectorAll('.group')].map((el) => ({ id: el.getAttribute('data-id'), ...centre(el) })),
        edges: doc.querySelectorAll('.edge').length,
      };
    });

  const round = (ms: number) => Math.round(ms * 10) / 10;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

  /** Frame times while the reader pans and zooms with the mouse (sigma's own camera gestures). */
  async function panAndZoom(): Promise<PanZoom> {
    const { width, height } = page.viewportSize()!;
    await page.evaluate(() => {
      const w = window as unknown as { intervals: number[]; recording: boolean };
      w.intervals = [];
      w.recording = true;
      let last = performance.now();
      const tick = (now: number) => {
        w.intervals.push(now - last);
        last = now;
        if (w.recording) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const frames: number[] = [];
    const sample = async () => {
      const { lastFrameMs } = await page.evaluate(() => window.scale.view.timings());
      if (lastFrameMs !== null) frames.push(lastFrameMs);
    };
    await page.mouse.move(width / 2, height / 2);
    for (let i = 0; i < 2; i++) {
      await page.mouse.wheel(0, -240);
      await page.waitForTimeout(120);
      await sample();
    }
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) {
      await page.mouse.move(width / 2 + i * 30, height / 2 + i * 15);
      await page.waitForTimeout(60);
      await sample();
    }
    await page.mouse.up();
    for (let i = 0; i < 2; i++) {
      await page.mouse.wheel(0, 240);
      await page.waitForTimeout(120);
      await sample();
    }
    const intervals = await page.evaluate(() => {
      const w = window as unknown as { intervals: number[]; recording: boolean };
      w.recording = false;
      return w.intervals.slice(1);
    });
    return {
      frameMs: round(median(frames)),
      frameMaxMs: round(Math.max(...frames)),
      frameIntervalMs: round(median(intervals)),
      frameIntervalMaxMs: round(Math.max(...intervals)),
    };
  }

  /** As a reader does: the pointer comes to rest on the item (sigma picks it), then clicks. */
  async function pointAndClick({ x, y }: { x: number; y: number }): Promise<void> {
    await page.mouse.move(x, y, { steps: 3 });
    await page.waitForTimeout(150);
    await page.mouse.down();
    await page.mouse.up();
    // two clicks in quick succession would make a double click
    await page.waitForTimeout(350);
  }

  it('lays the Rust case (18 entities) out readably, in both themes and at phone size', async () => {
    await open({ width: 1440, height: 900 });
    // the whole case, as the page draws it ("Show the whole case")
    const { nodes, edges } = viewOf(cases.rust!);
    expect(nodes).toHaveLength(18);
    // an edge to an entity that is not drawn is skipped, never an error
    const dangling: ViewEdge = { ...edges[0]!, id: 'dangling', to: 'nobody' };
    const result = await add(nodes, [...edges, dangling]);
    expect(result).toEqual({ added: 18 + edges.length, leftOut: 0 });
    await settled();

    const { firstDrawMs } = await page.evaluate(() => window.scale.view.timings());
    const svg = await svgShapes();
    expect(svg.nodes).toHaveLength(18);
    expect(svg.edges).toBe(edges.length);
    // each kind in its KIND_STYLE colour and shape: people are blue circles, productions red stars
    const rust = svg.nodes.find((n) => n.id === nodes.find((x) => x.name === 'Rust')?.id);
    expect(rust).toMatchObject({ tag: 'polygon', fill: '#e15759' });
    expect(svg.nodes.filter((n) => n.tag === 'circle').every((n) => n.fill === '#4e79a7')).toBe(true);
    // readable: the drawing fills the window, and no two entities sit within a label's height
    const xs = svg.nodes.map((n) => n.x);
    const ys = svg.nodes.map((n) => n.y);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(1440 * 0.5);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(900 * 0.5);
    let closest = Number.POSITIVE_INFINITY;
    for (const [i, a] of svg.nodes.entries())
      for (const b of svg.nodes.slice(i + 1)) closest = Math.min(closest, Math.hypot(a.x - b.x, a.y - b.y));
    expect(closest).toBeGreaterThan(24);

    figures.rust = { nodes: 18, edges: edges.length, firstDrawMs: round(firstDrawMs!), ...(await panAndZoom()) };
    await page.evaluate(() => window.scale.view.fit());
    await page.waitForTimeout(500);

    // the selected node and a path stand out; screenshots in both themes, at desktop and phone size
    const baldwin = nodes.find((n) => n.name === 'Alec Baldwin')!.id;
    await page.evaluate((id) => window.scale.view.select(id), baldwin);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(OUTPUT, 'rust-1440x900-light.png') });
    await page.evaluate(() => window.scale.view.setTheme('dark'));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUTPUT, 'rust-1440x900-dark.png') });
    const png = await page.evaluate(async () => {
      const blob = await window.scale.view.toPng();
      const bytes = new Uint8Array(await blob.arrayBuffer());
      return {
        type: blob.type,
        size: blob.size,
        signature: [...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join(''),
      };
    });
    expect(png).toMatchObject({ type: 'image/png', signature: 'PNG' });
    expect(png.size).toBeGreaterThan(5_000);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scale.view.fit());
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUTPUT, 'rust-390x844-dark.png') });
    await page.evaluate(() => window.scale.view.setTheme('light'));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUTPUT, 'rust-390x844-light.png') });

    // a filter hides, it does not remove: people only, then everything again
    const people = nodes.filter((n) => n.kind === 'PERSON').length;
    await page.evaluate(() => window.scale.view.filter({ node: (n) => n.kind === 'PERSON', edge: () => true }));
    expect(await page.evaluate(() => window.scale.view.visibleCount().nodes)).toBe(people);
    expect((await svgShapes()).nodes).toHaveLength(people);
    expect(await page.evaluate(() => window.scale.view.nodes().length)).toBe(18);
    await page.evaluate(() => window.scale.view.filter(null));
    expect(await page.evaluate(() => window.scale.view.visibleCount())).toEqual({ nodes: 18, edges: edges.length });
  });

  it('draws 2,000 entities, and never more than maxNodes', async () => {
    const { nodes, edges } = viewOf(cases.s2000!);
    await open({ width: 1440, height: 900 }, 1500);
    const capped = await add(nodes, edges);
    expect(capped.leftOut).toBe(500);
    expect(await page.evaluate(() => window.scale.view.nodes().length)).toBe(1500);
    // what comes later is left out too, and counted
    const more = await page.evaluate(
      (node) => window.scale.view.add([{ ...node, id: 'one-more', key: 'one-more' }], []),
      nodes[0]!,
    );
    expect(more).toEqual({ added: 0, leftOut: 1 });
    await page.close();

    await open({ width: 1440, height: 900 });
    const all = await add(nodes, edges);
    expect(all).toEqual({ added: 2000 + edges.length, leftOut: 0 });
    const { firstDrawMs } = await page.evaluate(() => window.scale.view.timings());
    await page.waitForTimeout(3500);
    figures.s2000 = { nodes: 2000, edges: edges.length, firstDrawMs: round(firstDrawMs!), ...(await panAndZoom()) };
    await page.evaluate(() => window.scale.view.fit());
    // labels show once the camera is still (sigma hides them while it moves over a large drawing)
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(OUTPUT, 'synthetic-2000-1440x900-light.png') });
  });

  it('draws a hub’s many relationships as one group, which opens when clicked', async () => {
    await open({ width: 1440, height: 900 });
    const { hub, answer } = await page.evaluate(async () => {
      const { mostConnected } = await window.scale.gql<{
        mostConnected: { degree: number; entity: { id: string; name: string } }[];
      }>('s2000', '{ mostConnected(first: 1) { degree entity { id name } } }');
      const hub = mostConnected[0]!;
      const answer = await window.scale.gql<{ neighbourhood: GraphQLSubgraph }>(
        's2000',
        `{ neighbourhood(id: "${hub.entity.id}", depth: 1, limit: 25) { nodes { id key kind name } edges { id type role modalities from { id } to { id } } } }`,
      );
      return { hub, answer: answer.neighbourhood };
    });
    expect(hub.degree).toBeGreaterThan(50);
    const { nodes, edges } = await page.evaluate((a) => window.scale.toView(a), answer);
    await add(nodes, edges);
    const group: ViewGroup = {
      id: `${hub.entity.id}|PARTICIPATED_IN|IN`,
      around: hub.entity.id,
      type: 'PARTICIPATED_IN',
      direction: 'IN',
      count: hub.degree - 24,
      label: `participants (${hub.degree - 24})`,
    };
    await page.evaluate((g) => window.scale.view.addGroups([g]), group);
    await settled();
    await page.evaluate(() => window.scale.view.fit());
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUTPUT, 'hub-with-group-1440x900-light.png') });

    const svg = await svgShapes();
    expect(svg.groups).toHaveLength(1);
    // the group is a node of its own on screen: clicking it asks the page to open it
    await pointAndClick(svg.groups[0]!);
    await page.waitForFunction(() => window.scale.events.length > 0);
    expect(await page.evaluate(() => window.scale.events)).toEqual([{ type: 'group', id: group.id }]);
    // an entity is selected by a click, the background by a click elsewhere
    const entity = svg.nodes.find((n) => n.id === hub.entity.id)!;
    await pointAndClick(entity);
    await pointAndClick({ x: 5, y: 5 });
    await page.waitForFunction(() => window.scale.events.length === 3);
    expect(await page.evaluate(() => window.scale.events.slice(1))).toEqual([
      { type: 'select', id: hub.entity.id },
      { type: 'background' },
    ]);
    await page.evaluate((id) => window.scale.view.removeGroup(id), group.id);
    expect((await svgShapes()).groups).toHaveLength(0);
  });

  it('draws 10,000 entities and stays responsive', async () => {
    const { nodes, edges } = viewOf(cases.s10000!);
    await open({ width: 1440, height: 900 });
    // while the layout runs: the main thread's longest task, and the longest wait between two
    // frames (which in software GL is mostly the GPU's drawing, not the page's work)
    await page.evaluate(() => {
      const w = window as unknown as { gaps: number[]; tasks: number[] };
      w.gaps = [];
      w.tasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.tasks.push(entry.duration);
      }).observe({ type: 'longtask' });
      let last = performance.now();
      const tick = (now: number) => {
        w.gaps.push(now - last);
        last = now;
        if (w.gaps.length < 100_000) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const { result, addMs } = await page.evaluate(
      ({ nodes, edges }) => {
        const started = performance.now();
        const result = window.scale.view.add(nodes, edges);
        const addMs = performance.now() - started;
        const w = window as unknown as { gaps: number[]; tasks: number[] };
        // what add() itself costs is addMs; what follows is the layout's and the drawing's
        setTimeout(() => {
          w.gaps.length = 0;
          w.tasks.length = 0;
        });
        return { result, addMs };
      },
      { nodes, edges },
    );
    expect(result).toEqual({ added: 10_000 + edges.length, leftOut: 0 });
    await page.waitForFunction(() => window.scale.view.timings().firstDrawMs !== null);
    const { firstDrawMs } = await page.evaluate(() => window.scale.view.timings());
    // the layout runs in a worker meanwhile, for at most 4 s
    await page.waitForTimeout(5000);
    const { longestGap, longestTask } = await page.evaluate(() => {
      const w = window as unknown as { gaps: number[]; tasks: number[] };
      return { longestGap: Math.max(0, ...w.gaps), longestTask: Math.max(0, ...w.tasks) };
    });
    const panZoom = await panAndZoom();
    figures.s10000 = {
      nodes: 10_000,
      edges: edges.length,
      firstDrawMs: round(firstDrawMs!),
      ...panZoom,
      addMs: round(addMs),
      longestFrameGapMs: round(longestGap),
      longestTaskMs: round(longestTask),
    };
    console.log(`10,000 entities: ${JSON.stringify(figures.s10000)}`);
    // honest bounds for WebGL in software on 2 shared cores: sigma's frames well under a tenth of
    // a second while the reader pans and zooms; adding 10,000 entities at once blocks the page
    // for a moment (indexing them), the layout after it never for long; the GPU, in software,
    // takes its time over each frame
    expect(panZoom.frameMs).toBeLessThan(100);
    expect(addMs).toBeLessThan(4000);
    expect(firstDrawMs).toBeLessThan(6000);
    expect(longestTask).toBeLessThan(1000);
    expect(longestGap).toBeLessThan(8000);
    await page.evaluate(() => window.scale.view.fit());
    await page.waitForTimeout(2500);
    await page.screenshot({ path: join(OUTPUT, 'synthetic-10000-1440x900-light.png') });
    const svg = await svgShapes();
    expect(svg.nodes).toHaveLength(10_000);
  });
});
