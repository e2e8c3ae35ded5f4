/** The drawing: Cytoscape.js, one shape and colour per kind, names as labels. */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { KIND_STYLE } from '@case-graph/domain/kindStyle.js';
import type { EntityKind } from '@case-graph/domain/kinds.js';
import type { EntitySummary, SubgraphAnswer } from './api.js';

export function createGraphView(container: HTMLElement, onSelect: (node: EntitySummary) => void): Core {
  const cy = cytoscape({
    container,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(name)',
          'background-color': 'data(colour)',
          shape: 'data(shape)' as never,
          'font-size': 11,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-wrap': 'wrap',
          'text-max-width': '140px',
          width: 26,
          height: 26,
        },
      },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#222' } },
      {
        selector: 'edge',
        style: {
          label: 'data(label)',
          'font-size': 8,
          color: '#555',
          'curve-style': 'bezier',
          'target-arrow-shape': 'triangle',
          width: 1.5,
          'line-color': '#bbb',
          'target-arrow-color': '#bbb',
          'text-rotation': 'autorotate',
        },
      },
      { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#d62728' } },
      { selector: 'edge.on-path', style: { 'line-color': '#d62728', 'target-arrow-color': '#d62728', width: 4 } },
    ],
  });
  cy.on('tap', 'node', (event) => onSelect(event.target.data() as EntitySummary));
  return cy;
}

/** Adds what is not drawn yet, then lays the whole drawing out again. */
export function addSubgraph(cy: Core, subgraph: SubgraphAnswer): void {
  const elements: ElementDefinition[] = [];
  for (const node of subgraph.nodes) {
    if (cy.getElementById(node.id).nonempty()) continue;
    const style = KIND_STYLE[node.kind as EntityKind];
    elements.push({
      group: 'nodes',
      data: { ...node, colour: style?.colour ?? '#888', shape: style?.shape ?? 'ellipse' },
    });
  }
  for (const edge of subgraph.edges) {
    if (cy.getElementById(edge.id).nonempty()) continue;
    elements.push({
      group: 'edges',
      data: {
        id: edge.id,
        source: edge.from.id,
        target: edge.to.id,
        type: edge.type,
        label: edge.role ? `${edge.type} (${edge.role})` : edge.type,
      },
    });
  }
  cy.add(elements);
  // the most connected in the middle: an expanded entity sits at the centre of what it brought in
  cy.layout({
    name: 'concentric',
    animate: false,
    concentric: (node) => node.degree(false),
    levelWidth: () => 2,
    minNodeSpacing: 70,
  }).run();
  cy.fit(undefined, 40);
  // a handful of nodes would otherwise be blown up to fill the screen
  if (cy.zoom() > 1.1) {
    cy.zoom(1.1);
    cy.center();
  }
}
