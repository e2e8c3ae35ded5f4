// biome-ignore-all lint/suspicious/noThenProperty: sigma 4's style rules are written { whenState, then }
/**
 * How items look, as sigma 4 styles: read from the items' attributes (kind colour and shape, the
 * theme's colours) and their states (hidden by a filter, selected, on a highlighted path, faded).
 * No style is a function: sigma then restyles only the items whose state changed.
 */
import { DEFAULT_STYLES } from 'sigma';
import type { StylesDeclaration } from 'sigma/types';
import { ACCENT } from './graphTheme.js';
import type { ViewEdge, ViewGroup, ViewNode } from './graphTypes.js';

/** The graph's node attributes: an entity (`node`) or a stand-in for a group (`group`). */
export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  label: string;
  color: string;
  shape: string;
  kind: string;
  labelColor?: string;
  backdropColor?: string;
  node?: ViewNode;
  group?: ViewGroup;
}
export interface EdgeAttributes {
  label: string;
  color?: string;
  labelColor?: string;
  labelBackgroundColor?: string;
  edge?: ViewEdge;
}

/** States of this drawing's own, beside sigma's isHidden and isHighlighted (the selection). */
export const CUSTOM_NODE_STATE = { isOnPath: false, isFaded: false };
/** isThinned: an edge left out of a large drawing seen from afar (graphTheme's EDGE_BUDGET). */
export const CUSTOM_EDGE_STATE = { isOnPath: false, isFaded: false, isThinned: false };
type NodeState = typeof CUSTOM_NODE_STATE;
type EdgeState = typeof CUSTOM_EDGE_STATE;

/** Draws an item at this multiple of its size (a linear binding: sigma styles have no arithmetic). */
const sizeTimes = (factor: number) => ({ attribute: 'size', min: 0, max: 100, minValue: 0, maxValue: 100 * factor });

export const STYLES: StylesDeclaration<NodeAttributes, EdgeAttributes, NodeState, EdgeState> = {
  nodes: [
    DEFAULT_STYLES.nodes,
    {
      shape: { attribute: 'shape' },
      labelColor: { attribute: 'labelColor' },
      backdropColor: { attribute: 'backdropColor' },
      labelSize: 12,
      cursor: 'pointer',
    },
    {
      whenState: 'isOnPath',
      then: {
        size: sizeTimes(1.3),
        labelVisibility: 'visible',
        backdropVisibility: 'visible',
        backdropBorderColor: ACCENT.path,
        backdropBorderWidth: 2,
        depth: 'topNodes',
      },
    },
    { whenState: 'isFaded', then: { opacity: ACCENT.fadedOpacity, labelVisibility: 'hidden' } },
    {
      whenState: 'isHighlighted',
      then: {
        size: sizeTimes(1.6),
        labelVisibility: 'visible',
        backdropVisibility: 'visible',
        backdropBorderColor: ACCENT.selected,
        backdropBorderWidth: 3,
        depth: 'topNodes',
      },
    },
  ],
  edges: [
    DEFAULT_STYLES.edges,
    {
      head: 'arrow',
      labelColor: { attribute: 'labelColor' },
      labelBackgroundColor: { attribute: 'labelBackgroundColor' },
      labelBackgroundPadding: 2,
      labelSize: 10,
    },
    { whenState: 'isThinned', then: { visibility: 'hidden' } },
    // the selected node's edges and a path's show even in a thinned drawing
    {
      whenState: 'isHighlighted',
      then: { color: ACCENT.selected, size: 2, labelVisibility: 'visible', visibility: 'visible' },
    },
    {
      whenState: 'isOnPath',
      then: { color: ACCENT.path, size: 3.5, labelVisibility: 'visible', depth: 'topEdges', visibility: 'visible' },
    },
    { whenState: 'isFaded', then: { opacity: ACCENT.fadedOpacity, labelVisibility: 'hidden' } },
    // and what a filter hides stays hidden, whatever else
    { whenState: 'isHidden', then: { visibility: 'hidden' } },
  ],
};
