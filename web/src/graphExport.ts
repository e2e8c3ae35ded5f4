/**
 * The drawing as files: a PNG of what is on screen (sigma's canvases composed onto the theme's
 * background) and a standalone SVG of everything visible, with KIND_STYLE's shapes and colours.
 */
import type Graph from 'graphology';
import type { CoordinateConversionOverride, Coordinates, EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { kindShape, type Palette } from './graphTheme.js';

/** What the exports read of sigma: its canvases, and each item as drawn. */
interface Drawing {
  once(event: 'afterRender', listener: () => void): unknown;
  scheduleRender(): unknown;
  getContainer(): HTMLElement;
  getStageCanvas(): HTMLCanvasElement;
  getNodeDisplayData(key: string): NodeDisplayData | undefined;
  getEdgeDisplayData(key: string): EdgeDisplayData | undefined;
  framedGraphToViewport(coordinates: Coordinates, override?: CoordinateConversionOverride): Coordinates;
}

/**
 * Resolves with the next frame's pixels. WebGL canvases keep their pixels only until the frame is
 * shown, so the copy happens right after sigma draws, within its afterRender event.
 */
export function toPng(renderer: Drawing, background: string): Promise<Blob> {
  return new Promise((resolve, reject) => {
    renderer.once('afterRender', () => {
      const container = renderer.getContainer();
      const layers = [...container.querySelectorAll('canvas')].filter((c) => c.width > 0 && c.isConnected);
      const stage = renderer.getStageCanvas();
      const out = document.createElement('canvas');
      out.width = stage.width;
      out.height = stage.height;
      const context = out.getContext('2d');
      if (!context) return reject(new Error('no 2D canvas to compose the PNG on'));
      context.fillStyle = background;
      context.fillRect(0, 0, out.width, out.height);
      for (const layer of layers) context.drawImage(layer, 0, 0, out.width, out.height);
      out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png');
    });
    renderer.scheduleRender();
  });
}

const xmlEscape = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
const n = (value: number) => value.toFixed(1);
/** Faded items (off a highlighted path) keep their fading in the file. */
const opacity = (value: number | undefined) => (value !== undefined && value < 1 ? ` opacity="${value}"` : '');

function polygon(x: number, y: number, points: [number, number][]): string {
  return points.map(([dx, dy]) => `${n(x + dx)},${n(y + dy)}`).join(' ');
}

/** One SVG element per node, in KIND_STYLE's shape (Cytoscape's names), centred on (x, y). */
function shape(name: string, x: number, y: number, r: number, attributes: string): string {
  switch (name) {
    case 'round-rectangle':
      return `<rect ${attributes} x="${n(x - r)}" y="${n(y - r)}" width="${n(2 * r)}" height="${n(2 * r)}" rx="${n(r / 3)}"/>`;
    case 'triangle':
      return `<polygon ${attributes} points="${polygon(x, y, [
        [0, -r],
        [r * 0.87, r * 0.5],
        [-r * 0.87, r * 0.5],
      ])}"/>`;
    case 'diamond':
      return `<polygon ${attributes} points="${polygon(x, y, [
        [0, -r],
        [r, 0],
        [0, r],
        [-r, 0],
      ])}"/>`;
    case 'star': {
      const points: [number, number][] = [];
      for (let i = 0; i < 10; i++) {
        const radius = i % 2 === 0 ? r : r * 0.45;
        const angle = -Math.PI / 2 + (i * Math.PI) / 5;
        points.push([radius * Math.cos(angle), radius * Math.sin(angle)]);
      }
      return `<polygon ${attributes} points="${polygon(x, y, points)}"/>`;
    }
    default:
      return `<circle ${attributes} cx="${n(x)}" cy="${n(y)}" r="${n(r)}"/>`;
  }
}

/**
 * Everything visible, laid out as at the default zoom (the whole drawing, whatever the camera):
 * edges with arrows and their labels, then nodes and their labels.
 */
export function toSvg(
  renderer: Drawing,
  graph: Graph,
  palette: Palette,
  /** What shows now: sigma's display data may not have caught up with a filter set this frame. */
  visible: { node(key: string): boolean; edge(key: string): boolean },
): string {
  const fitted = { cameraState: { x: 0.5, y: 0.5, ratio: 1, angle: 0 } };
  const at = new Map<string, { x: number; y: number; r: number }>();
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  graph.forEachNode((key) => {
    const data = renderer.getNodeDisplayData(key);
    if (!data || !visible.node(key)) return;
    const { x, y } = renderer.framedGraphToViewport(data, fitted);
    at.set(key, { x, y, r: data.size });
    minX = Math.min(minX, x - data.size);
    minY = Math.min(minY, y - data.size);
    // room for the label on the right
    maxX = Math.max(maxX, x + data.size + 8 + 7 * (data.label?.length ?? 0));
    maxY = Math.max(maxY, y + data.size);
  });
  if (at.size === 0) minX = minY = maxX = maxY = 0;
  const margin = 20;

  const edges: string[] = [];
  const edgeLabels: string[] = [];
  graph.forEachEdge((key, _attributes, source, target) => {
    const data = renderer.getEdgeDisplayData(key);
    const from = at.get(source);
    const to = at.get(target);
    if (!data || !visible.edge(key) || !from || !to) return;
    // stop at the target's edge so the arrow head shows
    const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
    const endX = to.x - ((to.x - from.x) * (to.r + 2)) / length;
    const endY = to.y - ((to.y - from.y) * (to.r + 2)) / length;
    edges.push(
      `<line class="edge" data-id="${xmlEscape(key)}" x1="${n(from.x)}" y1="${n(from.y)}" x2="${n(endX)}" y2="${n(endY)}" stroke="${data.color}"${opacity(data.opacity)} stroke-width="${n(Math.max(1, data.size))}" marker-end="url(#arrow)"/>`,
    );
    if (data.label)
      edgeLabels.push(
        `<text class="edge-label" x="${n((from.x + to.x) / 2)}" y="${n((from.y + to.y) / 2 - 3)}" text-anchor="middle">${xmlEscape(data.label)}</text>`,
      );
  });

  const nodes: string[] = [];
  const labels: string[] = [];
  for (const [key, { x, y, r }] of at) {
    const data = renderer.getNodeDisplayData(key)!;
    const attributes = graph.getNodeAttributes(key);
    const kind = typeof attributes.kind === 'string' ? attributes.kind : '';
    const cls = attributes.group ? 'group' : 'node';
    nodes.push(
      shape(
        attributes.group ? 'round-rectangle' : kindShape(kind),
        x,
        y,
        r,
        `class="${cls}" data-id="${xmlEscape(key)}" fill="${data.color}"${opacity(data.opacity)}`,
      ),
    );
    if (data.label)
      labels.push(`<text class="label" x="${n(x + r + 4)}" y="${n(y + 4)}">${xmlEscape(data.label)}</text>`);
  }

  const width = maxX - minX + 2 * margin;
  const height = maxY - minY + 2 * margin;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n(minX - margin)} ${n(minY - margin)} ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${palette.edge}"/></marker>`,
    `<style>text{font:12px system-ui,sans-serif;fill:${palette.label}}.edge-label{font-size:9px;fill:${palette.edgeLabel}}</style></defs>`,
    `<rect x="${n(minX - margin)}" y="${n(minY - margin)}" width="${n(width)}" height="${n(height)}" fill="${palette.background}"/>`,
    `<g class="edges">${edges.join('')}</g>`,
    `<g class="edge-labels">${edgeLabels.join('')}</g>`,
    `<g class="nodes">${nodes.join('')}</g>`,
    `<g class="labels">${labels.join('')}</g>`,
    '</svg>',
  ].join('\n');
}
