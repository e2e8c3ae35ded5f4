/**
 * The drawing's colours and sizes: per kind from KIND_STYLE (the exports use the same), per theme
 * for what sits on the background (labels, edges, the background itself).
 */
import { KIND_STYLE } from '@case-graph/domain/kindStyle.js';
import type { EntityKind } from '@case-graph/domain/kinds.js';

export type ThemeName = 'light' | 'dark';

export interface Palette {
  background: string;
  label: string;
  edge: string;
  edgeLabel: string;
  /** Behind edge labels, so that they stay readable where they cross edges. */
  labelBackground: string;
  group: string;
}

/** The same in both themes: the selection in blue, a path in red, what is off the path faded. */
export const ACCENT = { selected: '#2f6fdf', path: '#e03131', fadedOpacity: 0.18 };

export const PALETTES: Record<ThemeName, Palette> = {
  light: {
    background: '#ffffff',
    label: '#1f2328',
    edge: '#b8bec6',
    edgeLabel: '#3d444d',
    labelBackground: 'rgba(255, 255, 255, 0.85)',
    group: '#8a8f98',
  },
  dark: {
    background: '#15181d',
    label: '#e6e8eb',
    edge: '#4a515b',
    edgeLabel: '#c4c9d0',
    labelBackground: 'rgba(21, 24, 29, 0.85)',
    group: '#9aa1ab',
  },
};

/** KIND_STYLE's shapes (Cytoscape's names, kept by the exports) as sigma's shape primitives. */
const SIGMA_SHAPE: Record<string, string> = {
  ellipse: 'circle',
  'round-rectangle': 'square',
  star: 'star',
  triangle: 'triangle',
  diamond: 'diamond',
};

export function kindColour(kind: string): string {
  return KIND_STYLE[kind as EntityKind]?.colour ?? '#888888';
}

/** The shape as KIND_STYLE names it (ellipse, round-rectangle, star, triangle, diamond). */
export function kindShape(kind: string): string {
  return KIND_STYLE[kind as EntityKind]?.shape ?? 'ellipse';
}

export function sigmaShape(kind: string): string {
  return SIGMA_SHAPE[kindShape(kind)] ?? 'circle';
}

/** In screen pixels at the default zoom: the well connected a little bigger, within bounds. */
export function nodeSize(degree: number): number {
  return Math.min(16, 5 + 2 * Math.log2(1 + degree));
}

/**
 * How much smaller nodes are drawn when many share the screen (1 up to 200 nodes, about a fifth
 * at 10,000), so that a large drawing shows its shape, not a carpet of overlapping nodes.
 */
export const sizeScale = (order: number): number => Math.min(1, (200 / Math.max(1, order)) ** 0.4);

/** Sigma's own level of detail: drop edges and labels while the camera moves over a large drawing. */
export const LARGE_DRAWING = 1500;

/**
 * A very large drawing seen from afar shows its nodes and leaves its edges out (but the selected
 * node's and a path's): tens of thousands of crossing edges read as grey fog, and cost seconds a
 * frame where WebGL runs in software. They come back when zooming in brings fewer than a thousand
 * nodes' worth of drawing on screen (a camera ratio r shows about r² of it).
 */
export const edgesThinned = (order: number, cameraRatio: number): boolean =>
  order > 5000 && order * cameraRatio ** 2 > 1000;

export const GROUP_SIZE = 9;
