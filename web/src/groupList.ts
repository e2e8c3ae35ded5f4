/**
 * The groups on the drawing, listed as buttons too: a group is opened from here with the keyboard
 * (or a screen reader) as well as by clicking it on the canvas.
 */
import { button, byId, element } from './dom.js';
import type { ViewGroup } from './graphTypes.js';

export function renderGroupList(
  groups: readonly ViewGroup[],
  names: (id: string) => string,
  onOpen: (g: ViewGroup) => void,
): void {
  const list = byId('groups');
  list.replaceChildren(
    ...groups.map((g) => {
      const item = element('li');
      const open = button(`${g.label} of ${names(g.around)}`, () => onOpen(g));
      open.dataset.group = g.id;
      item.append(open);
      return item;
    }),
  );
  byId('groups-area').hidden = groups.length === 0;
}
