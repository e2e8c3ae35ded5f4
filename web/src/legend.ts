/** The legend beside the drawing: each kind's colour (kindStyle.ts), named as the API names it. */
import { KIND_STYLE } from '@case-graph/domain/kindStyle.js';
import { ENTITY_KINDS, KIND_NAME } from '@case-graph/domain/kinds.js';
import { byId, element } from './dom.js';

export function renderLegend(): void {
  byId('legend').replaceChildren(
    ...ENTITY_KINDS.map((kind) => {
      const item = element('li');
      const swatch = element('span', '', `swatch shape-${KIND_STYLE[kind].shape}`);
      swatch.style.background = KIND_STYLE[kind].colour;
      item.append(swatch, KIND_NAME[kind]);
      return item;
    }),
  );
}
