/** "How are they connected?": the two ends chosen so far, and the path found between them. */
import { button, byId, element } from './dom.js';

export interface PathEnd {
  id: string;
  name: string;
}

export function renderPathEnds(from: PathEnd | null, to: PathEnd | null, onPick: (id: string) => void): void {
  const show = (slot: string, end: PathEnd | null) =>
    byId(slot).replaceChildren(end ? button(end.name, () => onPick(end.id), 'link') : element('span', '—'));
  show('path-from', from);
  show('path-to', to);
  byId<HTMLButtonElement>('find-path').disabled = !(from && to);
}

export function showPathResult(text: string): void {
  byId('path-result').textContent = text;
}
