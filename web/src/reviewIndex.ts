/** Every suggestion of the draft under review as a list of buttons: the way to them without the text. */
import { button, element } from './dom.js';
import type { ReviewDraft } from './queries.js';

const STATUS = { OPEN: 'open', ACCEPTED: 'accepted', REJECTED: 'rejected' } as const;

function item(
  key: string,
  label: string,
  status: keyof typeof STATUS,
  selected: string | null,
  onPick: (key: string) => void,
) {
  const li = element('li', '', `status-${STATUS[status]}`);
  const b = button(`${key} · ${label} · ${STATUS[status]}`, () => onPick(key), 'link');
  b.dataset.suggestion = key;
  if (key === selected) b.setAttribute('aria-current', 'true');
  li.append(b);
  return li;
}

export function renderReviewIndex(
  container: HTMLElement,
  draft: ReviewDraft,
  selected: string | null,
  onPick: (key: string) => void,
): void {
  const entities = element('ul', '', 'review-list');
  for (const e of draft.entities) entities.append(item(e.key, e.name, e.status, selected, onPick));
  const claims = element('ul', '', 'review-list');
  for (const c of draft.claims) claims.append(item(c.key, `${c.from.name} → ${c.to.name}`, c.status, selected, onPick));
  container.replaceChildren(
    element('h3', `Entities (${draft.entities.length})`),
    draft.entities.length ? entities : element('p', 'None.', 'hint'),
    element('h3', `Claims (${draft.claims.length})`),
    draft.claims.length ? claims : element('p', 'None.', 'hint'),
  );
}
